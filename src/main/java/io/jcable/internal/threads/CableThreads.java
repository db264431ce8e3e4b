package io.jcable.internal.threads;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one maker of JCable's threads: the ping timer, socket closes, delivery lanes and the cluster
 * link. Each is a daemon named {@code jcable-...} whose context class loader is JCable's own (the
 * application's, in a WAR), whichever thread happens to start it.
 *
 * <p>In an application server, the cluster link's threads come from the server's default managed
 * thread factory: they use the server's JMS resources, which expect the application's context. The
 * others stay plain threads: they write to the container's WebSocket sessions, where a send that
 * carries the application's context cost a context capture per send on Payara (see the outbox), and
 * a managed thread's context there was never measured.
 */
@ApplicationScoped
public class CableThreads {

    private static final String MANAGED = "java:comp/DefaultManagedThreadFactory";

    private final ClassLoader application = CableThreads.class.getClassLoader();
    private ThreadFactory managed;

    @PostConstruct
    void start() {
        managed = managedOrPlain();
    }

    /** Makes plain threads named {@code <name>-1}, {@code <name>-2}, ... */
    public ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> make(Thread::new, name + "-" + count.incrementAndGet(), task);
    }

    /** Starts one plain thread named {@code name}. */
    public Thread start(String name, Runnable task) {
        return started(make(Thread::new, name, task));
    }

    /** Starts one thread named {@code name}, from the server's managed thread factory where there is one. */
    public Thread startManaged(String name, Runnable task) {
        return started(make(managed, name, task));
    }

    /** Threads for code outside any container (unit tests): plain ones only. */
    public static CableThreads plain() {
        CableThreads threads = new CableThreads();
        threads.managed = Thread::new;
        return threads;
    }

    private Thread make(ThreadFactory factory, String name, Runnable task) {
        Thread thread = factory.newThread(task);
        thread.setName(name);
        thread.setDaemon(true);
        thread.setContextClassLoader(application);
        return thread;
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }

    private static ThreadFactory managedOrPlain() {
        try {
            return (ThreadFactory) new InitialContext().lookup(MANAGED);
        } catch (NamingException | RuntimeException e) {
            return Thread::new; // standalone: no naming context, or no managed factory in it
        }
    }
}
