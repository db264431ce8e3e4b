package io.jcable.internal.binding;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A callback or action of a channel, with a binder for each parameter.
 *
 * @param method      the Java method
 * @param description {@code Class#method(Types)}, for log lines and deployment errors
 * @param binders     one per parameter, in order
 */
public record ChannelMethod(Method method, String description, List<ParameterBinder> binders) {

    /**
     * Calls the method on a channel bean.
     *
     * @throws PayloadInvalid      when a {@code @Valid} payload breaks its constraints (nothing was called)
     * @throws BindingException    when the client's data does not fit the parameters (nothing was called)
     * @throws ChannelMethodFailed when the method threw
     */
    public void invoke(Object channel, Invocation invocation, PayloadCodec codec, PayloadValidator validator) {
        Object[] arguments = new Object[binders.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = binders.get(i).bind(invocation, codec);
            if (binders.get(i) instanceof ParameterBinder.PayloadArgument payload && payload.validated()) {
                validator.check(arguments[i]);
            }
        }
        try {
            method.invoke(channel, arguments);
        } catch (InvocationTargetException e) {
            throw new ChannelMethodFailed(description, e.getCause());
        } catch (IllegalAccessException e) {
            throw new ChannelMethodFailed(description, e);
        }
    }
}
