package io.jcable.container;

import io.jcable.testing.CableTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * The target of a deployment Arquillian made, always addressed at 127.0.0.1: the servers listen on
 * loopback only (tests send no traffic elsewhere), while Payara Micro reports its URLs with the
 * machine's interface address.
 */
final class Deployed {

    private Deployed() {
    }

    static CableTarget at(URL base) {
        try {
            URI loopback = new URI(base.getProtocol(), null, "127.0.0.1", base.getPort(), base.getPath(), null, null);
            return CableTarget.deployed(loopback, System.getProperty("jcable.runtime", "container"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }
}
