package ma.bawaba.platform.webhooks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook POST, to an address the {@link AddressGuard} checked, and only to it: the socket connects to that
 * address (the name is never resolved again, so a DNS answer that changed since cannot redirect it), the request
 * names the host in its {@code Host} header, and TLS checks the certificate against the host name (SNI and
 * endpoint identification). HTTP/1.1, one request per connection, no redirect followed: a 3xx is a failure.
 */
public final class WebhookPost {

    /** How the receiver answered: its status, or why there was none. */
    public record Answer(Integer status, String error, int durationMillis) {
        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static final int MAX_STATUS_LINE = 1024;

    /**
     * Closes the socket of an attempt that outlives its timeout: a read timeout alone bounds each read, and a receiver
     * that sends a byte now and then would hold the sender for hours.
     */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private WebhookPost() {
    }

    /** Sends the POST; the whole attempt (connection, TLS, request and status line) lasts at most {@code timeout}. */
    public static Answer send(AddressGuard.Target target, Map<String, String> headers, String body, Duration timeout) {
        long start = System.nanoTime();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        // the first address the guard checked; the others are alternatives a browser would try, not needed here
        InetSocketAddress address = new InetSocketAddress(target.addresses().get(0), target.port());
        Socket plain = new Socket();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            closeQuietly(plain);
        }, millis, TimeUnit.MILLISECONDS);
        try {
            return send(plain, address, target, headers, content, millis, start);
        } catch (IOException | RuntimeException failure) {
            if (expired.get()) {
                return new Answer(null, "timed out", elapsed(start));
            }
            return failure(failure, start);
        } finally {
            deadline.cancel(false);
            closeQuietly(plain);
        }
    }

    private static Answer send(Socket plain, InetSocketAddress address, AddressGuard.Target target, Map<String, String> headers,
                               byte[] content, int millis, long start) throws IOException {
        plain.connect(address, millis);
        plain.setSoTimeout(millis);
        Socket socket = target.tls() ? secure(plain, target) : plain;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head(target, headers, content.length).getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String statusLine = readLine(new BufferedInputStream(socket.getInputStream()));
            return new Answer(status(statusLine), null, elapsed(start));
        } finally {
            if (socket != plain) {
                socket.close();
            }
        }
    }

    private static Answer failure(Exception failure, long start) {
        if (failure instanceof java.net.SocketTimeoutException) {
            return new Answer(null, "timed out", elapsed(start));
        }
        if (failure instanceof java.net.ConnectException) {
            return new Answer(null, "connection refused", elapsed(start));
        }
        if (failure instanceof javax.net.ssl.SSLException tls) {
            return new Answer(null, "TLS failure: " + tls.getMessage(), elapsed(start));
        }
        return new Answer(null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), elapsed(start));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing to end the attempt: nothing more to do
        }
    }

    private static Socket secure(Socket plain, AddressGuard.Target target) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static String head(AddressGuard.Target target, Map<String, String> headers, int length) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/" : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        boolean defaultPort = target.port() == (target.tls() ? 443 : 80);
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + target.port()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && line.length() < MAX_STATUS_LINE) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Integer status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        try {
            int status = Integer.parseInt(parts[1]);
            if (status < 100 || status > 599) {
                throw new IOException("not an HTTP status");
            }
            return status;
        } catch (NumberFormatException notANumber) {
            throw new IOException("not an HTTP status");
        }
    }

    private static int elapsed(long start) {
        return (int) Math.min(600_000, (System.nanoTime() - start) / 1_000_000);
    }
}
