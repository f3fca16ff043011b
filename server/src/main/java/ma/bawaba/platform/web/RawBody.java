package ma.bawaba.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body exactly as its sender's bytes, for the resources that must check a signature over it (the
 * payment provider's callbacks): JSON parsing and re-serializing would not give the same bytes back. Kept only for
 * resources marked {@link Kept}, within the body size limit the server already enforces.
 */
@RequestScoped
public class RawBody {

    private byte[] bytes = new byte[0];

    public byte[] bytes() {
        return bytes;
    }

    void keep(byte[] read) {
        bytes = read;
    }

    /** Marks a resource whose request bodies are kept as they came. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Kept {
    }

    /** Reads the body once, keeps it, and hands the same bytes to the JSON reader. */
    @Provider
    @Kept
    public static class Keeper implements ReaderInterceptor {

        private final RawBody rawBody;

        public Keeper(RawBody rawBody) {
            this.rawBody = rawBody;
        }

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            // Through a method: the request-scoped bean is reached through its client proxy.
            byte[] read = context.getInputStream().readAllBytes();
            rawBody.keep(read);
            context.setInputStream(new ByteArrayInputStream(read));
            return context.proceed();
        }
    }
}
