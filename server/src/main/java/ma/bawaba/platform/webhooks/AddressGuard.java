package ma.bawaba.platform.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks from reaching what is not the open Internet (server-side request forgery): an institution's URL
 * must not lead the server to its own network, its loopback, a link-local or cloud-metadata address (169.254.169.254,
 * fd00:ec2::254), shared carrier-grade NAT space, multicast or the unspecified address — in any spelling, IPv4-mapped
 * and IPv4-embedding IPv6 forms included. A name is resolved once, every address it resolves to is checked (one bad
 * answer refuses all: DNS rebinding mixes them), and the delivery connects to an address checked here, never to the
 * name again ({@link WebhookPost}).
 *
 * <p>{@code https} only; plain {@code http} only to a loopback address when loopback is allowed (the demo, tests).
 */
public final class AddressGuard {

    /** Why a URL or an address is refused, as a stable code. */
    public enum Refusal { MALFORMED, SCHEME, UNRESOLVED, FORBIDDEN_ADDRESS }

    /** A URL that may be delivered to: its parts, and the checked addresses to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {
    }

    public static final class Refused extends Exception {
        private final Refusal refusal;

        Refused(Refusal refusal, String detail) {
            super(detail, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** How names are resolved; tests give literal addresses only, which resolve without a query. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean loopbackAllowed;
    private final Resolver resolver;

    public AddressGuard(boolean loopbackAllowed) {
        this(loopbackAllowed, InetAddress::getAllByName);
    }

    public AddressGuard(boolean loopbackAllowed, Resolver resolver) {
        this.loopbackAllowed = loopbackAllowed;
        this.resolver = resolver;
    }

    /** Parses, resolves and checks a URL; the addresses of the answer are the only ones to connect to. */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new Refused(Refusal.MALFORMED, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused(Refusal.SCHEME, "only https URLs are accepted");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused(Refusal.MALFORMED, "a URL with a host, and without user information or fragment");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException unknown) {
            throw new Refused(Refusal.UNRESOLVED, "the host does not resolve");
        }
        if (resolved.length == 0) {
            throw new Refused(Refusal.UNRESOLVED, "the host does not resolve");
        }
        boolean allLoopback = true;
        for (InetAddress address : resolved) {
            Category category = categorize(address);
            if (category == Category.LOOPBACK && loopbackAllowed) {
                continue;
            }
            allLoopback = false;
            if (category != Category.PUBLIC) {
                throw new Refused(Refusal.FORBIDDEN_ADDRESS, "the host resolves to a " + category.description + " address");
            }
        }
        boolean tls = scheme.equals("https");
        if (!tls && !allLoopback) {
            throw new Refused(Refusal.SCHEME, "only https URLs are accepted");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, bare, port, tls, List.of(resolved));
    }

    /** What kind of address this is, for the guard: only {@code PUBLIC} ones are delivered to. */
    public enum Category {
        PUBLIC("public"), LOOPBACK("loopback"), PRIVATE("private"), LINK_LOCAL("link-local"), METADATA("cloud metadata"),
        SHARED("shared (carrier-grade NAT)"), MULTICAST("multicast"), UNSPECIFIED("unspecified"), RESERVED("reserved");

        private final String description;

        Category(String description) {
            this.description = description;
        }
    }

    public static Category categorize(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return categorizeIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return categorizeIpv6(bytes);
        }
        return Category.RESERVED;
    }

    private static Category categorizeIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
            return Category.METADATA;
        }
        if (a0 == 0) {
            return Category.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Category.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Category.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return Category.LINK_LOCAL;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Category.SHARED;
        }
        if (a0 >= 224 && a0 <= 239) {
            return Category.MULTICAST;
        }
        // 240/4 and the broadcast address; 192.0.0/24 (protocol assignments), the documentation nets, 198.18/15
        // (benchmarking): none is a receiver on the Internet.
        if (a0 >= 240 || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Category.RESERVED;
        }
        return Category.PUBLIC;
    }

    private static Category categorizeIpv6(byte[] b) {
        // AWS's IPv6 metadata endpoint, fd00:ec2::254 (inside fc00::/7, named apart for the message)
        if (Arrays.equals(b, new byte[] {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54})) {
            return Category.METADATA;
        }
        boolean zeroTo10 = allZero(b, 0, 10);
        if (zeroTo10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            // ::ffff:a.b.c.d, IPv4-mapped: the IPv4 address it means
            return categorizeIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (allZero(b, 0, 16)) {
            return Category.UNSPECIFIED;
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Category.LOOPBACK;
        }
        if (zeroTo10 && b[10] == 0 && b[11] == 0) {
            // ::a.b.c.d, the deprecated IPv4-compatible form
            return categorizeIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            // ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765, SIIT): the IPv4 address it stands for
            return categorizeIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96 (NAT64) reaches the IPv4 address in its last four bytes
            return categorizeIpv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (first == 0x20 && second == 0x02) {
            // 2002::/16 (6to4) reaches the IPv4 address in bytes 2 to 5
            return categorizeIpv4(Arrays.copyOfRange(b, 2, 6));
        }
        if (first == 0xff) {
            return Category.MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Category.LINK_LOCAL;
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            // fec0::/10, the deprecated site-local addresses
            return Category.PRIVATE;
        }
        if ((first & 0xfe) == 0xfc) {
            return Category.PRIVATE;
        }
        if (first == 0x20 && second == 0x01 && (((b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) || (b[2] == 0 && b[3] == 0))) {
            // 2001:db8::/32 documentation; 2001::/32 Teredo, which hides an IPv4 address
            return Category.RESERVED;
        }
        if (first == 0x01 && second == 0 && allZero(b, 2, 8)) {
            // 100::/64, the discard prefix
            return Category.RESERVED;
        }
        return Category.PUBLIC;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
