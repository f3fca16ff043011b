package ma.bawaba.platform.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.security.HmacSha256;

/**
 * The page a list request asks for, and the cursors that lead to the next one. A cursor is opaque to clients and
 * readable only by the list that wrote it: it carries its position with an HMAC over the position, the list's path
 * and every filter of its query string (all parameters but {@code cursor} and {@code limit}, which may change from
 * page to page). A cursor of another list, of the same list with other filters, or made by hand is a 400 on
 * {@code cursor}, never a page of something else. The binding is made here, from the request as it came, so that a
 * list cannot forget a filter. The key is configuration, the same on every instance (see {@link #key}).
 */
@ApplicationScoped
public class Paging {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final CurrentVertxRequest current;
    private final HmacSha256 key;
    private final int defaultLimit;
    private final int maxLimit;

    Paging(CurrentVertxRequest current, BawabaConfig config) {
        this.current = current;
        this.key = new HmacSha256(key(config).getEncoded());
        this.defaultLimit = config.paging().defaultLimit();
        this.maxLimit = config.paging().maxLimit();
    }

    /** The page the current request asks for: its size (bounded), and the position its cursor names, once verified. */
    public Page.Request request(Integer limit, String cursor) {
        int size = limit == null ? defaultLimit : Math.max(1, Math.min(limit, maxLimit));
        String scope = scopeOfCurrentRequest();
        return new Page.Request(size, cursor == null ? null : open(cursor, scope), position -> seal(position, scope));
    }

    String seal(String position, String scope) {
        byte[] text = position.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(mac(scope, text), MAC_BYTES + text.length);
        System.arraycopy(text, 0, sealed, MAC_BYTES, text.length);
        return ENCODER.encodeToString(sealed);
    }

    String open(String cursor, String scope) {
        byte[] sealed;
        try {
            sealed = DECODER.decode(cursor);
        } catch (IllegalArgumentException malformed) {
            throw foreign();
        }
        if (sealed.length < MAC_BYTES) {
            throw foreign();
        }
        byte[] text = Arrays.copyOfRange(sealed, MAC_BYTES, sealed.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(mac(scope, text), MAC_BYTES), Arrays.copyOf(sealed, MAC_BYTES))) {
            throw foreign();
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The list (its path) and its filters, in a canonical order, as this request names them. */
    private String scopeOfCurrentRequest() {
        RoutingContext context = current.getCurrent();
        if (context == null) {
            return "";
        }
        StringBuilder scope = new StringBuilder(context.normalizedPath());
        for (String name : new TreeSet<>(context.queryParams().names())) {
            if (name.equals("cursor") || name.equals("limit")) {
                continue;
            }
            for (String value : context.queryParams().getAll(name)) {
                scope.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return scope.toString();
    }

    private static final byte[] SEPARATOR = {0};

    private byte[] mac(String scope, byte[] position) {
        return key.sign(scope.getBytes(StandardCharsets.UTF_8), SEPARATOR, position);
    }

    private static DomainException foreign() {
        return DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.cursor-foreign");
    }

    /**
     * {@code bawaba.paging.cursor-secret} when set; otherwise a key derived from the case-token secret (which every
     * instance already shares), under a label of its own, so that a cursor's MAC can never pass for a token's.
     */
    static SecretKeySpec key(BawabaConfig config) {
        String own = config.paging().cursorSecret().filter(secret -> !secret.isBlank()).orElse(null);
        if (own != null) {
            return new SecretKeySpec(own.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(config.security().caseTokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(derive.doFinal("bawaba/paging-cursor-key".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
