package ma.bawaba.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One webhook POST against a real receiver on loopback. */
class WebhookPostTest {

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheTimeoutOfTheWholeAttempt() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread trickle = new Thread(() -> {
                try (Socket client = receiver.accept()) {
                    OutputStream out = client.getOutputStream();
                    // one byte of the status line every 200 ms: each read is quick, the answer never ends
                    for (int i = 0; i < 100; i++) {
                        out.write('H');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (Exception closed) {
                    // the sender hung up: expected
                }
            });
            trickle.setDaemon(true);
            trickle.start();

            long start = System.nanoTime();
            WebhookPost.Answer answer = WebhookPost.send(target(receiver.getLocalPort()), Map.of("webhook-id", "msg_1"), "{}",
                    Duration.ofSeconds(1));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertNull(answer.status());
            assertEquals("timed out", answer.error());
            assertTrue(millis < 5_000, "cut off after about a second, not after the receiver's 20 s: " + millis + " ms");
        }
    }

    @Test
    void aReceiverThatAnswersIsHeard() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (Socket client = receiver.accept()) {
                    // the whole request first (head, then its two-byte body), as a receiver does
                    java.io.InputStream in = client.getInputStream();
                    String read = "";
                    while (!read.endsWith("\r\n\r\n{}")) {
                        read += (char) in.read();
                    }
                    client.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception closed) {
                    // nothing to do
                }
            });
            answering.setDaemon(true);
            answering.start();

            WebhookPost.Answer answer = WebhookPost.send(target(receiver.getLocalPort()), Map.of(), "{}", Duration.ofSeconds(5));

            assertEquals(204, answer.status());
            assertTrue(answer.succeeded());
        }
    }

    private static AddressGuard.Target target(int port) {
        return new AddressGuard.Target(URI.create("http://127.0.0.1:" + port + "/hook"), "127.0.0.1", port, false,
                List.of(InetAddress.getLoopbackAddress()));
    }
}
