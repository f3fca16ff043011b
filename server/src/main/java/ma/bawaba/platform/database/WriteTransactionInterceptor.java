package ma.bawaba.platform.database;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs a {@link WriteTransaction} method through {@link Transactions#write}: each attempt proceeds again. */
@WriteTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class WriteTransactionInterceptor {

    @AroundInvoke
    Object retried(InvocationContext invocation) {
        return Transactions.write(invocation::proceed);
    }
}
