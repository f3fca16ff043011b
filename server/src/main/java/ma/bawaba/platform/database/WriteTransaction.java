package ma.bawaba.platform.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command that writes: it runs in a transaction of its own (or joins the caller's), and when it is the outermost
 * one it is retried whole on deadlock, lock-wait timeout or Galera certification failure ({@link Transactions}).
 * Every service method that changes data carries this instead of {@code @Transactional}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WriteTransaction {
}
