package ma.bawaba.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SSRF guard on literal addresses and on a stub resolver: nothing here resolves a name through DNS or opens a
 * connection.
 */
class AddressGuardTest {

    /** Names resolve only through this table; literal addresses are parsed, never looked up. */
    private static AddressGuard.Resolver table(Map<String, String[]> names) {
        return host -> {
            String[] answers = names.get(host);
            if (answers == null) {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(answers[i]).getAddress());
            }
            return resolved;
        };
    }

    private static final AddressGuard PRODUCTION = new AddressGuard(false, table(Map.of(
            "hooks.example.org", new String[] {"93.184.216.34"},
            "rebind.example.org", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example.org", new String[] {"169.254.169.254"})));
    private static final AddressGuard DEMO = new AddressGuard(true, table(Map.of()));

    private static AddressGuard.Refusal refusal(AddressGuard guard, String url) {
        return assertThrows(AddressGuard.Refused.class, () -> guard.check(url), url).refusal();
    }

    private static AddressGuard.Category category(String literal) throws UnknownHostException {
        return AddressGuard.categorize(InetAddress.getByName(literal));
    }

    @Test
    void everyNonPublicIpv4RangeIsRecognised() throws Exception {
        assertEquals(AddressGuard.Category.LOOPBACK, category("127.0.0.1"));
        assertEquals(AddressGuard.Category.LOOPBACK, category("127.255.0.9"));
        assertEquals(AddressGuard.Category.PRIVATE, category("10.0.0.1"));
        assertEquals(AddressGuard.Category.PRIVATE, category("172.16.0.1"));
        assertEquals(AddressGuard.Category.PRIVATE, category("172.31.255.254"));
        assertEquals(AddressGuard.Category.PUBLIC, category("172.32.0.1"));
        assertEquals(AddressGuard.Category.PRIVATE, category("192.168.10.1"));
        assertEquals(AddressGuard.Category.LINK_LOCAL, category("169.254.1.1"));
        assertEquals(AddressGuard.Category.METADATA, category("169.254.169.254"));
        assertEquals(AddressGuard.Category.SHARED, category("100.64.0.1"));
        assertEquals(AddressGuard.Category.SHARED, category("100.127.255.255"));
        assertEquals(AddressGuard.Category.PUBLIC, category("100.128.0.1"));
        assertEquals(AddressGuard.Category.MULTICAST, category("224.0.0.251"));
        assertEquals(AddressGuard.Category.UNSPECIFIED, category("0.0.0.0"));
        assertEquals(AddressGuard.Category.RESERVED, category("255.255.255.255"));
        assertEquals(AddressGuard.Category.RESERVED, category("240.0.0.1"));
        assertEquals(AddressGuard.Category.PUBLIC, category("8.8.8.8"));
        assertEquals(AddressGuard.Category.PUBLIC, category("196.200.1.1"));
    }

    @Test
    void ipv6FormsIncludingThoseThatCarryAnIpv4AddressAreRecognised() throws Exception {
        assertEquals(AddressGuard.Category.LOOPBACK, category("::1"));
        assertEquals(AddressGuard.Category.UNSPECIFIED, category("::"));
        assertEquals(AddressGuard.Category.METADATA, category("fd00:ec2::254"));
        assertEquals(AddressGuard.Category.PRIVATE, category("fd12:3456::1"));
        assertEquals(AddressGuard.Category.PRIVATE, category("fc00::1"));
        assertEquals(AddressGuard.Category.LINK_LOCAL, category("fe80::1"));
        assertEquals(AddressGuard.Category.MULTICAST, category("ff02::1"));
        // IPv4-mapped (Java parses these to the IPv4 address; the guard checks the bytes either way)
        assertEquals(AddressGuard.Category.METADATA, category("::ffff:169.254.169.254"));
        assertEquals(AddressGuard.Category.LOOPBACK, category("::ffff:7f00:1"));
        assertEquals(AddressGuard.Category.PRIVATE, category("::ffff:10.0.0.1"));
        // IPv4-translated (RFC 2765, SIIT): ::ffff:0:a.b.c.d
        assertEquals(AddressGuard.Category.METADATA, category("::ffff:0:a9fe:a9fe"));
        assertEquals(AddressGuard.Category.LOOPBACK, category("::ffff:0:7f00:1"));
        // IPv4-compatible, NAT64 and 6to4 forms reach the IPv4 address they embed
        assertEquals(AddressGuard.Category.LOOPBACK, category("::127.0.0.1"));
        assertEquals(AddressGuard.Category.METADATA, category("64:ff9b::a9fe:a9fe"));
        assertEquals(AddressGuard.Category.PRIVATE, category("2002:c0a8:0101::1"));
        assertEquals(AddressGuard.Category.RESERVED, category("2001:db8::1"));
        assertEquals(AddressGuard.Category.PUBLIC, category("2001:4860:4860::8888"));
        assertEquals(AddressGuard.Category.PUBLIC, category("2a00:1450:4007:80e::200e"));
    }

    @Test
    void registrationRefusesInternalTargetsAndPlainHttp() {
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://127.0.0.1/hook"));
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://[::1]:8443/hook"));
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://[::ffff:127.0.0.1]/hook"));
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://metadata.example.org/latest"));
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://[fd00:ec2::254]/latest"));
        assertEquals(AddressGuard.Refusal.SCHEME, refusal(PRODUCTION, "http://hooks.example.org/hook"));
        assertEquals(AddressGuard.Refusal.SCHEME, refusal(PRODUCTION, "gopher://hooks.example.org/"));
        assertEquals(AddressGuard.Refusal.MALFORMED, refusal(PRODUCTION, "https://user:pw@hooks.example.org/"));
        assertEquals(AddressGuard.Refusal.MALFORMED, refusal(PRODUCTION, "https:///no-host"));
        assertEquals(AddressGuard.Refusal.UNRESOLVED, refusal(PRODUCTION, "https://unknown.example.org/"));
    }

    @Test
    void aNameWithOneInternalAnswerAmongPublicOnesIsRefused() {
        // DNS rebinding answers with a public address and an internal one: the guard refuses the name outright
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(PRODUCTION, "https://rebind.example.org/hook"));
    }

    @Test
    void aPublicHttpsUrlIsAcceptedWithTheAddressToConnectTo() throws Exception {
        AddressGuard.Target target = PRODUCTION.check("https://hooks.example.org/bawaba?tenant=2");
        assertEquals("hooks.example.org", target.host());
        assertEquals(443, target.port());
        assertEquals("93.184.216.34", target.addresses().get(0).getHostAddress());
    }

    @Test
    void demoModeAllowsPlainHttpToLoopbackOnly() throws Exception {
        assertEquals(8080, DEMO.check("http://127.0.0.1:8080/hook").port());
        assertEquals(9000, DEMO.check("http://[::1]:9000/hook").port());
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(DEMO, "http://10.0.0.8/hook"));
        assertEquals(AddressGuard.Refusal.FORBIDDEN_ADDRESS, refusal(DEMO, "http://169.254.169.254/latest"));
        assertEquals(AddressGuard.Refusal.SCHEME, refusal(DEMO, "http://8.8.8.8/hook"));
    }
}
