package io.jcable.internal.cluster;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * JCable's own broker client, for runtimes without a JMS connection factory of their own
 * (standalone, Payara Micro): needs {@code org.apache.activemq:artemis-jakarta-client} on the class path.
 */
final class ArtemisClient {

    private ArtemisClient() {
    }

    private static final String FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    /** The factory for {@code url}; fails with what to add when the client is not on the class path. */
    static ConnectionFactory factory(String url) {
        try {
            Class.forName(FACTORY, false, ArtemisClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jcable.cluster.url needs org.apache.activemq:artemis-jakarta-client "
                    + "on the class path (or use the server's factory: jcable.cluster.connection-factory)", e);
        }
        return Client.factory(url);
    }

    /** Loaded only once the client is known to be there. */
    private static final class Client {
        static ConnectionFactory factory(String url) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
            // Each send waits for the broker's answer: what is counted published reached the broker,
            // and a broker that went away is noticed at the next send, not some sends later.
            factory.setBlockOnNonDurableSend(true);
            return factory;
        }
    }
}
