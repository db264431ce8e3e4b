package io.jcable.container;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops the Payara Micro instances a test class with several deployments leaves running.
 * Arquillian's Payara Micro container (3.1) starts one instance per deployment but keeps only the
 * last one's process, and every undeploy stops that one: the others would run on, each a JVM with
 * its own heap, through the rest of the build. Declare it before {@code ArquillianExtension}: JUnit
 * runs after-all callbacks in reverse order, so this one comes after Arquillian's undeploys.
 * On WildFly it finds nothing to stop.
 */
public final class LeftoverMicroInstances implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ProcessHandle> leftovers = ProcessHandle.current().children()
                .filter(process -> process.info().commandLine().orElse("").contains("payara-micro.jar"))
                .filter(process -> !exitsBy(process, deadline)) // the instance Arquillian did stop may still be on its way out
                .toList();
        for (ProcessHandle process : leftovers) {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
            }
        }
        if (!leftovers.isEmpty()) {
            System.err.println(context.getDisplayName() + ": stopped " + leftovers.size()
                    + " Payara Micro instance(s) that Arquillian left running");
        }
    }

    private static boolean exitsBy(ProcessHandle process, long deadlineNanos) {
        try {
            process.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
