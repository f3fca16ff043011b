package ma.bawaba.platform;

import java.math.BigDecimal;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;

/**
 * An amount of money as the contract's {@code Money} writes it: a decimal string (so that no client rounds it) and
 * an ISO 4217 currency. Stored in minor units (centimes).
 */
public record Money(String amount, String currency) {

    public static Money ofMinor(long minor, String currency) {
        return new Money(BigDecimal.valueOf(minor, 2).toPlainString(), currency);
    }

    /** The amount in minor units; an amount too large to be one is a 422 on {@code amount.amount}. */
    public long minor() {
        return minor("amount.amount");
    }

    /** The amount in minor units; an amount too large to be one is a 422 on the field it was given in. */
    public long minor(String field) {
        try {
            return new BigDecimal(amount).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException unusable) {
            throw DomainException.Unprocessable.field(field, FieldErrorCode.OUT_OF_RANGE, "field.too-large-amount");
        }
    }
}
