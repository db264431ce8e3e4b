package io.jcable.demo;

import io.jcable.channel.CableRequest;
import io.jcable.channel.ConnectionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Identifies users by the {@code token} query parameter, like the reference's
 * {@code ApplicationCable::Connection} with {@code identified_by :current_user_id}.
 */
@ApplicationScoped
public class JwtConnection implements ConnectionHandler {

    private static final System.Logger LOG = System.getLogger(JwtConnection.class.getName());

    private final DemoTokens tokens = new DemoTokens(DemoSettings.currentSecret());

    @Override
    public Identity connect(CableRequest request) {
        // The last ?token= when there are several, as Rack reads query strings.
        List<String> given = request.queryParameters().getOrDefault("token", List.of());
        String userId = (given.isEmpty() ? Optional.<String>empty() : tokens.verify(given.get(given.size() - 1)))
                .orElseThrow(() -> new ConnectionRejected("missing or invalid token"));
        return Identity.of("current_user_id", userId);
    }

    /** Like Rails' "Finished /cable" line: one per connection that had been identified. */
    @Override
    public void disconnect(Identity identity) {
        LOG.log(System.Logger.Level.INFO, "{0} disconnected", ChatChannel.userId(identity));
    }
}
