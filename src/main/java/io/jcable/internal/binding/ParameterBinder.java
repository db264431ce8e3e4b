package io.jcable.internal.binding;

import io.jcable.channel.Identity;
import io.jcable.channel.Subscription;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/** Supplies one parameter of a channel method, decided once at deployment from the parameter's type and annotations. */
sealed interface ParameterBinder {

    Object bind(Invocation invocation, PayloadCodec codec);

    /** The {@link Subscription} being acted on. */
    record SubscriptionArgument() implements ParameterBinder {
        @Override
        public Object bind(Invocation invocation, PayloadCodec codec) {
            return invocation.subscription();
        }
    }

    /** The exception an error handler ({@code @Rescue}) handles. */
    record ExceptionArgument() implements ParameterBinder {
        @Override
        public Object bind(Invocation invocation, PayloadCodec codec) {
            return invocation.exception();
        }
    }

    /** The connection's {@link Identity}. */
    record IdentityArgument() implements ParameterBinder {
        @Override
        public Object bind(Invocation invocation, PayloadCodec codec) {
            return invocation.subscription().identity();
        }
    }

    /** A member of the identifier, by {@code @Param}. */
    record ParamArgument(String name, Type type, Class<?> rawType) implements ParameterBinder {
        @Override
        public Object bind(Invocation invocation, PayloadCodec codec) {
            JsonValue value = invocation.subscription().params().get(name);
            if (value == null || value == JsonValue.NULL) {
                if (rawType.isPrimitive()) {
                    throw new BindingException("param \"" + name + "\" is missing");
                }
                return null;
            }
            if (rawType == String.class) {
                return invocation.subscription().param(name); // the text the channel's own param() reads
            }
            if (JsonValue.class.isAssignableFrom(rawType)) {
                return cast(value, "param \"" + name + "\"");
            }
            try {
                return codec.decode(value.toString(), type);
            } catch (JsonbException e) {
                throw new BindingException("param \"" + name + "\" does not fit " + rawType.getSimpleName());
            }
        }

        private Object cast(JsonValue value, String what) {
            if (!rawType.isInstance(value)) {
                throw new BindingException(what + " is not a " + rawType.getSimpleName());
            }
            return value;
        }
    }

    /**
     * The message's data, bound with JSON-B, or taken as the decoded object itself.
     *
     * @param validated whether the parameter is {@code @Valid}: then Bean Validation checks it before the call
     */
    record PayloadArgument(Type type, Class<?> rawType, boolean validated) implements ParameterBinder {
        @Override
        public Object bind(Invocation invocation, PayloadCodec codec) {
            if (invocation.data() == null) {
                return null;
            }
            if (rawType.isAssignableFrom(JsonObject.class)) {
                return invocation.data().json();
            }
            try {
                return codec.decode(invocation.data().raw(), type);
            } catch (JsonbException e) {
                throw new BindingException("data does not fit " + rawType.getSimpleName() + ": " + firstLine(e));
            }
        }

        private static String firstLine(Exception e) {
            String message = String.valueOf(e.getMessage());
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
    }
}
