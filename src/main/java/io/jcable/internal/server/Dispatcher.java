package io.jcable.internal.server;

import io.jcable.channel.ChannelExceptionHandler;
import io.jcable.channel.ConnectionRejected;
import io.jcable.channel.Identity;
import io.jcable.channel.TokenExpired;
import io.jcable.config.CableConfig;
import io.jcable.internal.binding.ApplicationBeans;
import io.jcable.internal.binding.BindingException;
import io.jcable.internal.binding.ChannelDefinition;
import io.jcable.internal.binding.ChannelMethod;
import io.jcable.internal.binding.ChannelMethodFailed;
import io.jcable.internal.binding.Invocation;
import io.jcable.internal.binding.PayloadCodec;
import io.jcable.internal.binding.PayloadInvalid;
import io.jcable.internal.binding.PayloadValidator;
import io.jcable.internal.broadcast.SenderSocket;
import io.jcable.internal.broadcast.StreamRegistry;
import io.jcable.internal.identity.JwtIdentification;
import io.jcable.internal.protocol.Command;
import io.jcable.internal.protocol.CommandDecoder;
import io.jcable.internal.protocol.DisconnectReason;
import io.jcable.internal.protocol.Frames;
import io.jcable.internal.protocol.Identifier;
import io.jcable.internal.protocol.JsonText;
import io.jcable.internal.protocol.MessageData;
import io.jcable.internal.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason.CloseCodes;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the server does with each connection and each command, as ActionCable does it. User code
 * (the connection handler, channel callbacks and actions) runs here, inside an active request
 * context; nothing it throws, and nothing a client sends, escapes to the container. A client's
 * mistake is one log line without a stack trace; an exception from application code is logged
 * with its stack trace.
 */
@ApplicationScoped
public class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /** How long a restored subscription's live frames wait for the history request that @anycable/web sends at once. */
    private static final long RESTORED_HOLD_MILLIS = 1000;

    @Inject
    ApplicationBeans application;

    @Inject
    PayloadCodec codec;

    @Inject
    PayloadValidator validator;

    @Inject
    StreamRegistry streams;

    @Inject
    ConnectionRegistry connections;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    CableConfig config;

    @Inject
    JwtIdentification jwt;

    @Inject
    ExtendedProtocol extended;

    @Inject
    Heartbeat heartbeat;

    @Inject
    WhispersAndPresence whispersAndPresence;

    @Inject
    ChannelTimers timers;

    @Inject
    StreamCallbacks callbacks;

    /** Identifies the client and welcomes it, or sends the disconnect that refuses it. */
    @ActivateRequestContext
    public void open(CableConnection connection) {
        open(connection, null);
    }

    /**
     * The same; a {@code known} identity (the test kit's) stands for what the connection handler
     * would have answered.
     */
    @ActivateRequestContext
    public void open(CableConnection connection, Identity known) {
        if (shutdown.isShuttingDown()) {
            connection.disconnect(DisconnectReason.SERVER_RESTART, true, CloseCodes.GOING_AWAY);
            return;
        }
        Admission.Refusal refusal = connections.admit(connection);
        if (refusal != null) {
            LOG.log(Level.WARNING, "{0}: refused: {1}", connection, refusal.logged());
            connection.disconnect(DisconnectReason.INVALID_REQUEST, true, CloseCodes.TRY_AGAIN_LATER,
                    refusal.closeReason());
            return;
        }
        SessionStore.Saved restored = connection.extended() ? extended.restore(connection).orElse(null) : null;
        Identity identity;
        try {
            identity = known != null ? known : restored != null ? restored.identity() : jwt.identify(connection.request())
                    .orElseGet(() -> application.connectionHandler().connect(connection.request()));
            if (identity == null) {
                throw new ConnectionRejected("the connection handler returned null instead of an Identity");
            }
        } catch (TokenExpired e) {
            LOG.log(Level.INFO, "{0}: token expired: {1}", connection, e.getMessage());
            connection.disconnect(DisconnectReason.TOKEN_EXPIRED, false, CloseCodes.NORMAL_CLOSURE);
            return;
        } catch (ConnectionRejected e) {
            LOG.log(Level.INFO, "{0}: unauthorized: {1}", connection, e.getMessage());
            connection.disconnect(DisconnectReason.UNAUTHORIZED, false, CloseCodes.NORMAL_CLOSURE);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, connection + ": the connection handler failed", e);
            connection.disconnect(DisconnectReason.INVALID_REQUEST, true, CloseCodes.UNEXPECTED_CONDITION);
            return;
        }
        // Under the lock: the welcome, and a restored session's subscriptions, come before any command's answer.
        synchronized (connection) {
            if (!connection.identified(identity)) {
                return; // an ending (a shutdown, a slow-client drop) came while the handler ran
            }
            connections.add(connection);
            if (!connection.extended()) {
                connection.send(Frames.WELCOME);
                return;
            }
            connection.sid(extended.newSessionId());
            if (restored == null) {
                connection.send(Frames.welcome(connection.sid()));
            } else {
                connection.send(Frames.welcomeRestored(connection.sid(), resubscribe(connection, restored)));
            }
            extended.changed(connection);
        }
    }

    /**
     * Subscribes a restored session again to what it had, streams included, without running
     * {@code @Subscribed}: each subscription gets a fresh channel bean. Returns the identifiers restored.
     */
    private List<String> resubscribe(CableConnection connection, SessionStore.Saved restored) {
        List<String> identifiers = new ArrayList<>();
        for (SessionStore.SavedSubscription saved : restored.subscriptions()) {
            Identifier identifier = Identifier.parse(saved.identifier()).valueOr(reason -> { });
            ChannelDefinition definition = identifier == null ? null : application.channel(identifier.channel()).orElse(null);
            if (definition == null) {
                continue; // the application changed meanwhile: the client subscribes again itself
            }
            SubscriptionHandle subscription = new SubscriptionHandle(connection, identifier, definition, streams, codec, callbacks);
            subscription.attach(application.create(definition));
            // The client asks for what it missed next: that goes first. One that asks for nothing waits a second.
            long hold = subscription.holdForHistory();
            heartbeat.later(() -> subscription.endHold(hold), RESTORED_HOLD_MILLIS);
            subscription.restore(saved);
            connection.add(subscription);
            timers.start(connection, subscription);
            whispersAndPresence.restored(subscription, saved.presence());
            identifiers.add(saved.identifier());
        }
        LOG.log(Level.INFO, "{0}: session restored with {1,number,#} subscriptions", connection, identifiers.size());
        return identifiers;
    }

    /** Decodes one text frame and carries out its command. */
    @ActivateRequestContext
    public void dispatch(CableConnection connection, String frame) {
        SenderSocket.during(connection::socketId, () -> {
            synchronized (connection) {
                if (!accepting(connection)) {
                    return;
                }
                Command command = CommandDecoder.decode(frame).valueOr(reason -> ignored(connection, reason));
                if (command == null) {
                    return;
                }
                if (command instanceof Command.Subscribe subscribe) {
                    subscribe(connection, subscribe);
                } else if (command instanceof Command.Message message) {
                    perform(connection, message);
                } else if (command instanceof Command.Unsubscribe) {
                    unsubscribe(connection, command.identifier());
                } else if (command instanceof Command.History request) {
                    history(connection, request.identifier(), request.history());
                } else if (command instanceof Command.Whisper whisper) {
                    onSubscription(connection, whisper.identifier(),
                            subscription -> whispersAndPresence.whisper(connection, subscription, whisper.data()));
                } else if (command instanceof Command.Presence presence) {
                    onSubscription(connection, presence.identifier(),
                            subscription -> whispersAndPresence.command(connection, subscription, presence));
                } else if (command instanceof Command.Ping) {
                    ping(connection);
                } else {
                    connection.ponged(System.nanoTime()); // the extended protocol's liveness answer
                }
            }
        });
    }

    /**
     * One run of a subscription's {@code @Periodically} method, under the connection's lock like a
     * command; nothing once the subscription has ended.
     */
    @ActivateRequestContext
    public void tick(CableConnection connection, SubscriptionHandle subscription, ChannelMethod method) {
        SenderSocket.during(connection::socketId, () -> {
            synchronized (connection) {
                if (!connection.isOpen() || connection.subscription(subscription.identifier()) != subscription) {
                    return;
                }
                try {
                    call(method, subscription, null);
                } catch (RuntimeException e) {
                    failed(connection, subscription, e);
                }
            }
        });
    }

    /**
     * One payload of a stream that delivers through a channel's callback: like an action, under the
     * connection's lock; nothing once the subscription has ended.
     */
    @ActivateRequestContext
    public void streamed(CableConnection connection, SubscriptionHandle subscription, Consumer<JsonValue> callback,
                         JsonValue message) {
        SenderSocket.during(connection::socketId, () -> {
            synchronized (connection) {
                if (!connection.isOpen() || connection.subscription(subscription.identifier()) != subscription) {
                    return;
                }
                try {
                    callback.accept(message);
                } catch (RuntimeException e) {
                    failed(connection, subscription, e);
                }
            }
        });
    }

    /** A binary frame, which actioncable-v1-json has no use for; it counts against the command rate all the same. */
    public void binary(CableConnection connection, int bytes) {
        synchronized (connection) {
            if (!accepting(connection)) {
                return;
            }
        }
        ignored(connection, "binary frame of " + bytes + " bytes (actioncable-v1-json is text only)");
    }

    /**
     * Whether a command from this connection is to be carried out: it is identified, not on its way
     * out, and within its command rate. A client over the rate is disconnected, once.
     */
    private boolean accepting(CableConnection connection) {
        if (!connection.isOpen()) {
            return false;
        }
        if (connection.withinCommandRate()) {
            return true;
        }
        LOG.log(Level.WARNING, "{0}: disconnected: over {1,number,#} commands per second (jcable.max-commands-per-second)",
                connection, config.limits().maxCommandsPerSecond());
        connections.counters().commandFloods.increment();
        connection.disconnect(DisconnectReason.INVALID_REQUEST, true, CloseCodes.VIOLATED_POLICY,
                "over jcable.max-commands-per-second");
        return false;
    }

    /** Ends every subscription of a closed connection, then tells the connection handler. */
    @ActivateRequestContext
    public void close(CableConnection connection) {
        SenderSocket.during(connection::socketId, () -> {
            synchronized (connection) {
                List<SubscriptionHandle> subscriptions = connection.end();
                if (subscriptions == null) {
                    return; // already closed
                }
                extended.save(connection, subscriptions);
                subscriptions.forEach(whispersAndPresence::closed);
                subscriptions.forEach(subscription -> end(connection, subscription));
            }
        });
        if (connection.identity() != null) {
            try {
                application.connectionHandler().disconnect(connection.identity());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, connection + ": the connection handler's disconnect failed", e);
            }
        }
        // Last: a connection leaves the registry only once nothing of it runs any more.
        connections.release(connection);
        connections.remove(connection);
    }

    /** Logs a frame that ActionCable would not act on; the client gets no answer, as with Rails. */
    private void ignored(CableConnection connection, String reason) {
        LOG.log(Level.INFO, "{0}: ignored a frame: {1}", connection, reason);
    }

    private void subscribe(CableConnection connection, Command.Subscribe command) {
        boolean withHistory = command.history() != null && connection.extended();
        subscribe(connection, command.identifier(), withHistory);
        if (withHistory && connection.subscription(command.identifier()) != null) {
            extended.replay(connection, connection.subscription(command.identifier()), command.history());
        }
    }

    private void history(CableConnection connection, String identifier, JsonObject request) {
        onSubscription(connection, identifier, subscription -> extended.replay(connection, subscription, request));
    }

    /** AnyCable's client-side liveness check, answered under its protocol only (Rails knows no such command). */
    private void ping(CableConnection connection) {
        if (connection.extended()) {
            connection.send(Frames.PONG);
        } else {
            ignored(connection, "unknown command \"ping\" (only actioncable-v1-ext-json has it)");
        }
    }

    /** Runs {@code command} on the connection's subscription of that identifier; ignores a frame for none. */
    private void onSubscription(CableConnection connection, String identifier, Consumer<SubscriptionHandle> command) {
        SubscriptionHandle subscription = connection.subscription(identifier);
        if (subscription == null) {
            ignored(connection, "no subscription " + JsonText.quoteForLog(identifier));
            return;
        }
        command.accept(subscription);
    }

    private void subscribe(CableConnection connection, String rawIdentifier, boolean holdForHistory) {
        if (connection.subscription(rawIdentifier) != null) {
            LOG.log(Level.DEBUG, "{0}: already subscribed to {1}", connection, rawIdentifier);
            return;
        }
        String overLimit = rawIdentifier.length() > config.limits().maxIdentifierLength()
                ? "identifier of " + rawIdentifier.length() + " characters, over " + config.limits().maxIdentifierLength()
                        + " (jcable.max-identifier-length)"
                : connection.subscriptionCount() >= config.limits().maxSubscriptions()
                ? "already " + config.limits().maxSubscriptions() + " subscriptions (jcable.max-subscriptions)"
                : null;
        if (overLimit != null) {
            LOG.log(Level.INFO, "{0}: rejected a subscription: {1}", connection, overLimit);
            connections.counters().subscriptionsOverLimit.increment();
            connection.send(Frames.reject(rawIdentifier));
            return;
        }
        Identifier identifier = Identifier.parse(rawIdentifier).valueOr(reason -> ignored(connection, reason));
        if (identifier == null) {
            return;
        }
        ChannelDefinition definition = application.channel(identifier.channel()).orElse(null);
        if (definition == null) {
            // Rails stays silent here, and the official client then retries forever.
            LOG.log(Level.INFO, "{0}: rejected a subscription to unknown channel {1}", connection,
                    JsonText.quoteForLog(identifier.channel()));
            connection.send(Frames.reject(rawIdentifier));
            return;
        }
        SubscriptionHandle subscription = new SubscriptionHandle(connection, identifier, definition, streams, codec, callbacks);
        if (holdForHistory) {
            subscription.holdForHistory(); // live frames wait until the history asked for has been sent
        }
        try {
            subscription.attach(application.create(definition));
            call(definition.subscribed(), subscription, null);
        } catch (BindingException e) {
            LOG.log(Level.INFO, "{0}: rejected {1}: {2}", connection, subscription, e.getMessage());
            subscription.reject();
        } catch (RuntimeException e) {
            if (!rescued(connection, subscription, e)) {
                LOG.log(Level.ERROR, connection + ": rejected " + subscription + ": " + e.getMessage(), e);
                subscription.reject();
            }
        }
        if (subscription.isRejected()) {
            subscription.release();
            connection.send(Frames.reject(rawIdentifier));
            return;
        }
        connection.add(subscription);
        connection.send(Frames.confirm(rawIdentifier));
        timers.start(connection, subscription);
        if (connection.extended()) {
            extended.changed(connection);
        }
    }

    private void perform(CableConnection connection, Command.Message message) {
        SubscriptionHandle subscription = connection.subscription(message.identifier());
        if (subscription == null) {
            ignored(connection, "no subscription " + JsonText.quoteForLog(message.identifier()));
            return;
        }
        MessageData data = MessageData.parse(message.data()).valueOr(reason -> ignored(connection, reason));
        if (data == null) {
            return;
        }
        ChannelMethod action = subscription.definition().actions().get(data.action());
        if (action == null) {
            ignored(connection, subscription.channel() + " has no action "
                    + JsonText.quoteForLog(data.action()));
            return;
        }
        try {
            call(action, subscription, data);
        } catch (PayloadInvalid e) {
            LOG.log(Level.INFO, "{0}: {1}: {2}", connection, action.description(), e.getMessage());
            subscription.transmit(ValidationErrors.frame(data.action(), e.violations()));
        } catch (BindingException e) {
            ignored(connection, action.description() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            failed(connection, subscription, e);
        }
    }

    /** What a channel method threw: to its handler, or one log line when none fits. */
    private void failed(CableConnection connection, SubscriptionHandle subscription, RuntimeException e) {
        if (!rescued(connection, subscription, e)) {
            LOG.log(Level.ERROR, connection + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands what a channel method threw to its handler: the channel's closest {@code @Rescue}, else the
     * application's closest {@code ChannelExceptionHandler}. False when none fits (the caller logs it).
     */
    private boolean rescued(CableConnection connection, SubscriptionHandle subscription, RuntimeException e) {
        if (!(e instanceof ChannelMethodFailed) || e.getCause() == null) {
            return false; // not the channel's own exception (its bean could not even be made)
        }
        Throwable cause = e.getCause();
        try {
            ChannelMethod own = subscription.definition().rescueFor(cause);
            ChannelExceptionHandler<Throwable> global = own == null ? application.exceptionHandler(cause) : null;
            if (own == null && global == null) {
                return false;
            }
            LOG.log(Level.DEBUG, "{0}: {1} handles {2}", connection, own != null ? own.description() : global, cause);
            if (own != null) {
                own.invoke(subscription.bean(), new Invocation(subscription, null, cause), codec, validator);
            } else {
                global.handle(cause, subscription);
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.ERROR, connection + ": the handler of " + cause + " failed: " + failed.getMessage(), failed);
        }
        return true;
    }

    private void unsubscribe(CableConnection connection, String rawIdentifier) {
        SubscriptionHandle subscription = connection.remove(rawIdentifier);
        if (subscription == null) {
            ignored(connection, "no subscription " + JsonText.quoteForLog(rawIdentifier));
            return;
        }
        whispersAndPresence.unsubscribed(subscription);
        end(connection, subscription);
        if (connection.extended()) {
            extended.changed(connection);
        }
    }

    /** Runs the unsubscribed callback; its streams stop after it, so its own broadcasts still reach it. */
    private void end(CableConnection connection, SubscriptionHandle subscription) {
        try {
            call(subscription.definition().unsubscribed(), subscription, null);
        } catch (RuntimeException e) {
            failed(connection, subscription, e);
        } finally {
            subscription.release();
        }
    }

    private void call(ChannelMethod method, SubscriptionHandle subscription, MessageData data) {
        if (method != null) {
            method.invoke(subscription.bean(), new Invocation(subscription, data), codec, validator);
        }
    }
}
