package ma.bawaba.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become problem+json: domain exceptions through {@link ProblemCatalog}, and the
 * framework's own (bean validation, malformed JSON, unknown routes, wrong methods) so that no client mistake is
 * ever a 500 or an HTML page.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final Problems problems;

    ProblemMapper(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response domain(DomainException exception, HttpHeaders headers, UriInfo uri) {
        Response response = respond(ProblemCatalog.of(exception), exception.code(), exception.facts(), exception.messageKey(),
                exception.args(), exception.fieldErrors(), headers, uri);
        if (exception instanceof DomainException.TooManyRequests tooMany) {
            return Response.fromResponse(response).header("Retry-After", tooMany.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException exception, HttpHeaders headers, UriInfo uri) {
        // One error per field, as a form shows it: a blank reason is "required", not also "too short".
        Map<String, DomainException.FieldError> byField = new TreeMap<>();
        exception.getConstraintViolations().stream()
                .map(ProblemMapper::fieldError)
                .sorted(Comparator.comparing((DomainException.FieldError error) -> error.code() != FieldErrorCode.REQUIRED)
                        .thenComparing(DomainException.FieldError::messageKey))
                .forEach(error -> byField.putIfAbsent(error.field(), error));
        List<DomainException.FieldError> errors = List.copyOf(byField.values());
        return respond(ProblemCatalog.VALIDATION, "problem.invalid-fields.detail", new Object[] {errors.size()}, errors,
                headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException exception, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemCatalog.MALFORMED_JSON, "problem.malformed-json.detail",
                new Object[] {exception.getOriginalMessage()}, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException exception, HttpHeaders headers, UriInfo uri) {
        return jsonMapping(exception, headers, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException exception, HttpHeaders headers, UriInfo uri) {
        String field = jsonPath(exception);
        DomainException.FieldError error;
        if (String.valueOf(exception.getOriginalMessage()).startsWith("Missing required")) {
            error = new DomainException.FieldError(field, FieldErrorCode.REQUIRED, "field.required");
        } else if (exception instanceof UnrecognizedPropertyException) {
            error = new DomainException.FieldError(field, FieldErrorCode.UNKNOWN_PROPERTY, "field.unknown-property");
        } else if (target(exception) != null && target(exception).isEnum()) {
            error = new DomainException.FieldError(field, FieldErrorCode.INVALID, "field.not-one-of",
                    String.join(", ", Arrays.stream(target(exception).getEnumConstants()).map(String::valueOf).toList()));
        } else if (exception instanceof MismatchedInputException && target(exception) != null) {
            error = new DomainException.FieldError(field, FieldErrorCode.WRONG_TYPE, "field.wrong-type",
                    new DomainException.Localized("type." + jsonType(target(exception))));
        } else {
            error = new DomainException.FieldError(field, FieldErrorCode.INVALID, "field.invalid");
        }
        return respond(ProblemCatalog.VALIDATION, "problem.invalid-fields.detail", new Object[] {1}, List.of(error),
                headers, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException exception, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemCatalog.MALFORMED_JSON, "problem.malformed-json.detail",
                new Object[] {exception.getOriginalMessage()}, List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception, HttpHeaders headers, UriInfo uri) {
        Throwable cause = exception.getCause();
        if (cause instanceof JsonParseException parse) {
            return malformedJson(parse, headers, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, headers, uri);
        }
        if (exception instanceof NotFoundException && exception.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted; for the client it is a bad value.
            LOG.debugf("Parameter conversion failed: %s", exception.getCause().toString());
            return respond(ProblemCatalog.VALIDATION, "problem.invalid-fields.detail", new Object[] {1},
                    List.of(new DomainException.FieldError(parameterName(exception.getCause(), uri), FieldErrorCode.INVALID,
                            "field.invalid")), headers, uri);
        }
        if (exception instanceof NotFoundException) {
            return respond(ProblemCatalog.NOT_FOUND, "problem.route-not-found.detail", new Object[] {uri.getPath()},
                    List.of(), headers, uri);
        }
        if (exception instanceof NotAllowedException notAllowed) {
            Response response = respond(ProblemCatalog.METHOD_NOT_ALLOWED, "problem.method-not-allowed.detail",
                    new Object[] {RequestIds.method(headers)}, List.of(), headers, uri);
            return Response.fromResponse(response).allow(notAllowed.getResponse().getAllowedMethods()).build();
        }
        if (exception instanceof NotSupportedException) {
            return respond(ProblemCatalog.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type.detail",
                    new Object[] {String.valueOf(headers.getMediaType())}, List.of(), headers, uri);
        }
        if (exception instanceof NotAcceptableException) {
            return respond(ProblemCatalog.NOT_ACCEPTABLE, "problem.not-acceptable.detail", new Object[0], List.of(),
                    headers, uri);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, headers, uri);
        }
        ProblemCatalog.Kind kind = ProblemCatalog.ofStatus(status);
        return respond(kind, "problem." + kind.slug() + ".title", new Object[0], List.of(), headers, uri);
    }

    /** Two changes of the same row at once: the loser is told to read again, as for a stale If-Match. */
    @ServerExceptionMapper
    public Response concurrentChange(jakarta.persistence.OptimisticLockException exception, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemCatalog.CONFLICT, ProblemCode.CONCURRENT_CHANGE, ProblemFacts.NONE, "problem.concurrent-change.detail",
                new Object[0], List.of(), headers, uri);
    }

    /** A write that kept losing to concurrent ones past every retry: nothing was done, the same request may come again. */
    @ServerExceptionMapper
    public Response transientConflict(Transactions.TransientConflict exception, HttpHeaders headers, UriInfo uri) {
        LOG.warnf(exception.getCause(), "Gave up retrying a write on %s (request %s)", uri.getPath(), RequestIds.of(headers));
        Response response = respond(ProblemCatalog.UNAVAILABLE, "problem.unavailable.detail", new Object[0], List.of(), headers, uri);
        return Response.fromResponse(response).header("Retry-After", 1).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, HttpHeaders headers, UriInfo uri) {
        LOG.errorf(exception, "Unexpected error on %s (request %s)", uri.getPath(), RequestIds.of(headers));
        return respond(ProblemCatalog.INTERNAL, "problem.internal.detail", new Object[0], List.of(), headers, uri);
    }

    private Response respond(ProblemCatalog.Kind kind, String detailKey, Object[] args,
                             List<DomainException.FieldError> errors, HttpHeaders headers, UriInfo uri) {
        return respond(kind, kind.code(), ProblemFacts.NONE, detailKey, args, errors, headers, uri);
    }

    private Response respond(ProblemCatalog.Kind kind, ProblemCode code, ProblemFacts facts, String detailKey, Object[] args,
                             List<DomainException.FieldError> errors, HttpHeaders headers, UriInfo uri) {
        Language language = Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return problems.response(problems.problem(kind, code, facts, language, detailKey, args, errors,
                uri.getAbsolutePath().getRawPath(), RequestIds.of(headers)));
    }

    /**
     * A bean-validation violation as a field error of our own: a code, and a sentence in the caller's language (never
     * the constraint's regular expression, which means nothing to the person filling the form).
     */
    private static DomainException.FieldError fieldError(ConstraintViolation<?> violation) {
        String field = fieldName(violation);
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Object value = violation.getInvalidValue();
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty
                || value instanceof CharSequence text && text.isEmpty()) {
            return new DomainException.FieldError(field, FieldErrorCode.REQUIRED, "field.required");
        }
        if (constraint instanceof Size size) {
            boolean text = value instanceof CharSequence;
            return size(value) < size.min()
                    ? new DomainException.FieldError(field, FieldErrorCode.TOO_SHORT, text ? "field.too-short" : "field.too-few-items", size.min())
                    : new DomainException.FieldError(field, FieldErrorCode.TOO_LONG, text ? "field.too-long" : "field.too-many-items", size.max());
        }
        if (constraint instanceof Min min) {
            return new DomainException.FieldError(field, FieldErrorCode.OUT_OF_RANGE, "field.at-least", min.value());
        }
        if (constraint instanceof Max max) {
            return new DomainException.FieldError(field, FieldErrorCode.OUT_OF_RANGE, "field.at-most", max.value());
        }
        if (constraint instanceof DecimalMin min) {
            return new DomainException.FieldError(field, FieldErrorCode.OUT_OF_RANGE, "field.at-least", min.value());
        }
        if (constraint instanceof DecimalMax max) {
            return new DomainException.FieldError(field, FieldErrorCode.OUT_OF_RANGE, "field.at-most", max.value());
        }
        if (constraint instanceof Email) {
            return new DomainException.FieldError(field, FieldErrorCode.INVALID_FORMAT, "field.email");
        }
        if (constraint instanceof Pattern pattern) {
            // The contract's free texts are all "anything but these characters" ([^...]); the other patterns are forms.
            return new DomainException.FieldError(field, FieldErrorCode.INVALID_FORMAT,
                    pattern.regexp().startsWith("^[^") ? "field.forbidden-characters" : "field.format");
        }
        return new DomainException.FieldError(field, FieldErrorCode.INVALID, "field.constraint", violation.getMessage());
    }

    private static long size(Object value) {
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : 0;
    }

    /** "createInstitution.body.names.ar" → "names.ar"; "listInstitutions.limit" → "limit". */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean parameterSeen = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterSeen = true;
                names.add(node.getName());
                continue;
            }
            if (parameterSeen && names.size() == 1 && isBodyParameter(names.get(0))) {
                names.clear();
            }
            names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
        }
        return String.join(".", names);
    }

    private static String parameterName(Throwable cause, UriInfo uri) {
        String message = String.valueOf(cause.getMessage());
        // The converters name the value they could not read, not the parameter: find the parameter that holds it.
        for (var parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (var parameter : parameters.entrySet()) {
                if (parameter.getValue().stream().anyMatch(value -> !value.isEmpty() && message.contains(value))) {
                    return parameter.getKey();
                }
            }
        }
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([A-Za-z]+)\"").matcher(message);
        return quoted.find() ? quoted.group(1) : "query";
    }

    private static boolean isBodyParameter(String name) {
        return name.endsWith("Input") || name.endsWith("Request") || name.equals("body");
    }

    private static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The Java type Jackson was reading into, when it says. */
    private static Class<?> target(JsonMappingException exception) {
        if (exception instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        if (exception instanceof ValueInstantiationException instantiation && instantiation.getType() != null) {
            return instantiation.getType().getRawClass();
        }
        return null;
    }

    /** The JSON type a client must send for a Java target type, as the suffix of its {@code type.*} message key. */
    private static String jsonType(Class<?> target) {
        if (target == Long.class || target == Integer.class || target == Short.class || target == long.class
                || target == int.class || target == short.class || target == java.math.BigInteger.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target == java.time.LocalDate.class) {
            return "date";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "date-time";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "list";
        }
        return "object";
    }
}
