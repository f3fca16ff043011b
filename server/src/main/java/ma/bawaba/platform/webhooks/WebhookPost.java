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

    private WebhookPost() {
    }

    public static Answer send(AddressGuard.Target target, Map<String, String> headers, String body, Duration timeout) {
        long start = System.nanoTime();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        // the first address the guard checked; the others are alternatives a browser would try, not needed here
        InetSocketAddress address = new InetSocketAddress(target.addresses().get(0), target.port());
        try (Socket plain = new Socket()) {
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
        } catch (java.net.SocketTimeoutException timedOut) {
            return new Answer(null, "timed out", elapsed(start));
        } catch (java.net.ConnectException refused) {
            return new Answer(null, "connection refused", elapsed(start));
        } catch (javax.net.ssl.SSLException tls) {
            return new Answer(null, "TLS failure: " + tls.getMessage(), elapsed(start));
        } catch (IOException | RuntimeException failure) {
            return new Answer(null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), elapsed(start));
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
