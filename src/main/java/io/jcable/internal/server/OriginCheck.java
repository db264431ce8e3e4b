package io.jcable.internal.server;

import io.jcable.config.OriginPolicy;
import io.jcable.config.WebOrigin;
import io.jcable.internal.protocol.JsonText;
import java.lang.System.Logger.Level;
import java.util.function.Function;

/**
 * The origin check of every runtime, made before the upgrade where the request's own host is
 * known: {@link OriginFilter} in a WAR, the engine's gate standalone. Jakarta WebSocket's
 * {@code Configurator.checkOrigin} gets the {@code Origin} alone, so it cannot tell the
 * application's own pages from another site's.
 */
public final class OriginCheck {

    /** What a refused upgrade gets, on every runtime. */
    public static final int REFUSED = 403;

    private static final System.Logger LOG = System.getLogger(OriginCheck.class.getName());

    private final OriginPolicy policy;

    public OriginCheck(OriginPolicy policy) {
        this.policy = policy;
    }

    /**
     * Whether a WebSocket upgrade may go on; a refusal is logged, one line naming the origin.
     *
     * @param secure  the request came over TLS
     * @param headers the request's headers by name, whatever its case
     */
    public boolean admits(boolean secure, Function<String, String> headers) {
        if (policy.admits(secure, headers)) {
            return true;
        }
        LOG.log(Level.INFO, "refused a WebSocket upgrade from origin {0} ({1,number,#}): not the application''s own origin {2}, not in {3}",
                JsonText.quoteForLog(headers.apply("Origin")), REFUSED,
                policy.requestOrigin(secure, headers).map(WebOrigin::toString).orElse("(no valid Host)"),
                OriginPolicy.ALLOWED_ORIGINS);
        return false;
    }
}
