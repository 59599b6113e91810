package dev.haven.server.fatal;

import dev.haven.protocol.client.Join;
import dev.haven.protocol.server.ServerMessage;
import dev.haven.server.auth.Identity;
import dev.haven.server.delivery.OutboundFrame;
import dev.haven.server.delivery.Session;
import dev.haven.server.testing.TestServer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * A process that fails the way {@link FatalExitTest} names in its argument, then waits: the
 * test expects it to end by itself, with a status and a last line.
 */
public final class FailingProcess {
    private FailingProcess() {
    }

    public static void main(String[] args) throws Exception {
        FatalErrors.installUncaughtHandler();
        switch (args[0]) {
            case "room" -> {
                // A real server; a room task runs out of memory on one of its event loops.
                TestServer server = TestServer.start();
                server.server().roomRegistry().find(TestServer.LOUNGE)
                        .join(new OutOfMemorySession(), new Join("j1", TestServer.LOUNGE, null, null),
                                reply -> System.out.println("reply " + reply));
            }
            case "event-loop" -> {
                // Netty catches what a task throws, logs it and runs on.
                MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
                loops.execute(() -> {
                    throw new OutOfMemoryError("simulated");
                });
            }
            case "thread" -> new Thread(() -> {
                throw new ExceptionInInitializerError("simulated");
            }, "worker").start();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("started " + args[0]);
        // Only the fatal error ends this process; should it not, the test sees "still alive".
        new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("still alive");
    }

    /** A connection whose every use runs out of memory. */
    private static final class OutOfMemorySession implements Session {
        @Override
        public Identity identity() {
            throw new OutOfMemoryError("simulated");
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public void deliver(OutboundFrame frame) {
        }

        @Override
        public void send(ServerMessage message) {
        }
    }
}
