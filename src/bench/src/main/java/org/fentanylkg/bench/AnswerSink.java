package org.fentanylkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback connection whose far end reads and discards everything, so that an answer written in-process is sent
 * through the kernel as the endpoint sends it. The reader's CPU is kept apart: a server's client reads in its own
 * process.
 */
final class AnswerSink implements AutoCloseable {
    /** Jetty's output buffer: a streamed answer leaves the server in writes of this size. */
    static final int OUTPUT_BUFFER = 32 * 1024;

    private final Socket near;
    private final Socket far;
    private final Thread reader;
    private final OutputStream out;

    AnswerSink() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            far = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            near = listener.accept();
        }
        near.setTcpNoDelay(true); // as Jetty's connector
        reader = new Thread(this::discard, "answer-sink-reader");
        reader.setDaemon(true);
        reader.start();
        out = new BufferedOutputStream(near.getOutputStream(), OUTPUT_BUFFER);
    }

    private void discard() {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = far.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // discarded
            }
        } catch (IOException closed) {
            // the sink was closed
        }
    }

    /** Where to write an answer; {@link #flush} sends what is left of it. */
    OutputStream out() { return out; }

    void flush() throws IOException { out.flush(); }

    /** The reader's CPU so far, in ms: to be taken off the process's. */
    double readerCpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.getThreadCpuTime(reader.getId()) / 1e6;
    }

    @Override
    public void close() throws IOException {
        near.close();
        far.close();
    }
}
