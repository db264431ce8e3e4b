package io.jcable.internal.cluster;

import io.jcable.config.ClusterConfig;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import java.util.Optional;

/**
 * The broker-side state of the cluster, besides the topic: where each queue is, with the attributes
 * Artemis gives it (in its name), and how it is made and read.
 *
 * <ul>
 *   <li>{@code <topic>.sequence}: exclusive, every node's broadcasts for the one sequencer;</li>
 *   <li>{@code <topic>.positions}: last value per stream, each stream's last position;</li>
 *   <li>{@code <topic>.sessions}: last value per session id, the extended protocol's sessions;</li>
 *   <li>{@code <topic>.presence}: last value per holder, stream and id, who is present.</li>
 * </ul>
 */
final class BrokerQueues {

    private final ConnectionFactory factory;
    private final ClusterConfig config;

    BrokerQueues(ConnectionFactory factory, ClusterConfig config) {
        this.factory = factory;
        this.config = config;
    }

    String sequence() {
        return config.topic() + ".sequence?exclusive=true&auto-delete=false";
    }

    String positions() {
        return config.topic() + ".positions?last-value-key=" + ClusterMessage.STREAM + "&auto-delete=false";
    }

    String sessions() {
        return config.topic() + ".sessions?last-value-key=" + ClusterMessage.SID + "&auto-delete=false";
    }

    String presence() {
        return config.topic() + ".presence?last-value-key=" + ClusterMessage.PRESENCE_KEY + "&auto-delete=false";
    }

    /**
     * Makes {@code queue} with the attributes its name carries (exclusive, last-value key), if the broker
     * has no such queue yet. Artemis applies a name's attributes when a producer bound to it is created
     * through a session; a JMSContext's consumer, or a send, would make a plain queue.
     */
    void declare(String queue) throws JMSException {
        try (Connection connection = config.user().isPresent()
                ? factory.createConnection(config.user().get(), config.password().orElse(null))
                : factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue(queue)).close();
        }
    }

    /** A context with the cluster's credentials. */
    JMSContext connect() {
        return config.user().isPresent()
                ? factory.createContext(config.user().get(), config.password().orElse(null))
                : factory.createContext();
    }

    /** A locally transacted context; a plain one where the server allows no local transaction (WildFly's factory outside JTA). */
    JMSContext connectTransacted() {
        try {
            return config.user().isPresent()
                    ? factory.createContext(config.user().get(), config.password().orElse(null), JMSContext.SESSION_TRANSACTED)
                    : factory.createContext(JMSContext.SESSION_TRANSACTED);
        } catch (JMSRuntimeException e) {
            return connect();
        }
    }

    /** The last position the broker keeps for {@code stream}: what the sequencer before this one gave it. */
    static Optional<Sequencer.Position> lastPosition(JMSContext context, Queue positions, String stream) {
        try (QueueBrowser browser = context.createBrowser(positions,
                ClusterMessage.STREAM + " = '" + stream.replace("'", "''") + "'")) {
            Enumeration<?> kept = browser.getEnumeration();
            Optional<Sequencer.Position> last = Optional.empty();
            while (kept.hasMoreElements()) {
                Message message = (Message) kept.nextElement();
                if (message instanceof TextMessage text && message.propertyExists(ClusterMessage.OFFSET)) {
                    last = Optional.of(new Sequencer.Position(text.getText(), message.getLongProperty(ClusterMessage.OFFSET)));
                }
            }
            return last;
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not read the last position of a stream: " + e.getMessage());
        }
    }
}
