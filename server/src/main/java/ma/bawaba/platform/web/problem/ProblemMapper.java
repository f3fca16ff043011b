package ma.bawaba.platform.web.problem;

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
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCatalog;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.web.RequestIds;
import ma.bawaba.platform.web.RequestLanguage;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * The one place where exceptions become problem+json: domain exceptions through {@link ProblemCatalog}, and the
 * framework's own (bean validation, malformed JSON, unknown routes, wrong methods) so that no client mistake is
 * ever a 500 or an HTML page.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private static final List<Class<? extends Annotation>> HTTP_PARAMETERS = List.of(QueryParam.class, PathParam.class,
            HeaderParam.class, FormParam.class, CookieParam.class, MatrixParam.class);

    private final Problems problems;
    private final RequestLanguage language;

    ProblemMapper(Problems problems, RequestLanguage language) {
        this.problems = problems;
        this.language = language;
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

    /**
     * Bean-validation failures, with each field named as the client knows it and each message from our own bundles, in
     * the request's language (Hibernate Validator's messages follow its own reading of Accept-Language, and show
     * regular expressions).
     */
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

    /**
     * A multipart body that could not be read. The parser runs before any resource, and so before any authentication:
     * it rejects a part header cut by a bare line feed as malformed, and gives up with an I/O error on garbage or on a
     * body that ends before its closing boundary. Our own code wraps its I/O failures (UncheckedIOException), so a
     * checked one that reaches this mapper while a multipart body is read comes from what the client sent.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException exception, HttpHeaders headers, UriInfo uri) {
        if (clientHungUp(exception)) {
            // The client closed the connection while its body was being read (a load tool stopping, a phone losing
            // its network): nothing was done and nobody will read an answer, so it is no server error.
            LOG.debugf("Client closed the connection before its request was read on %s", uri.getPath());
            return respond(ProblemCatalog.VALIDATION, "problem.invalid-fields.detail", new Object[] {1},
                    List.of(new DomainException.FieldError("body", FieldErrorCode.INVALID, "field.invalid")), headers, uri);
        }
        MediaType type = headers.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return unexpected(exception, headers, uri);
        }
        return unreadableMultipart(exception, headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException exception, HttpHeaders headers, UriInfo uri) {
        return unreadableMultipart(exception, headers, uri);
    }

    private static boolean clientHungUp(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException || cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Response unreadableMultipart(Exception exception, HttpHeaders headers, UriInfo uri) {
        LOG.debugf("Unreadable multipart body: %s", exception.toString());
        return respond(ProblemCatalog.VALIDATION, "problem.invalid-fields.detail", new Object[] {1},
                List.of(new DomainException.FieldError("file", FieldErrorCode.INVALID_FORMAT, "field.unreadable-multipart")), headers, uri);
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
        return problems.response(problems.problem(kind, code, facts, language.get(), detailKey, args, errors,
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
            return text.toString().codePointCount(0, text.length());
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : 0;
    }

    /**
     * The name of what the client sent: the JSON path inside the body ({@code reason}, {@code requester.email},
     * {@code items[2].name}; {@code body} for the body itself), or the name of the query, path or header parameter
     * ({@code limit}, {@code If-Match}) — never the Java method or parameter that received it. Properties are named
     * as in the contract: the generator keeps the contract's camelCase names for the Java properties.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        Method method = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> method = resourceMethod(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> {
                    String parameter = httpName(method, node.as(Path.ParameterNode.class).getParameterIndex());
                    if (parameter != null) {
                        return parameter;
                    }
                    // the body: what follows is a path inside it
                }
                case CROSS_PARAMETER, RETURN_VALUE -> {
                    return "body";
                }
                default -> {
                    // An element of a list or a map is named by the node that follows its container.
                    if (node.isInIterable() && node.getIndex() != null) {
                        path.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        path.append('.').append(node.getKey());
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The declaration of a resource method that carries its JAX-RS annotations (the generated interface's). */
    private static Method resourceMethod(Class<?> resource, Path.MethodNode node) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        java.util.ArrayDeque<Class<?>> candidates = new java.util.ArrayDeque<>();
        candidates.add(resource);
        while (!candidates.isEmpty()) {
            Class<?> candidate = candidates.poll();
            try {
                Method method = candidate.getDeclaredMethod(node.getName(), types);
                if (java.util.Arrays.stream(method.getParameterAnnotations()).flatMap(java.util.Arrays::stream)
                        .anyMatch(annotation -> HTTP_PARAMETERS.contains(annotation.annotationType()))) {
                    return method;
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // look further up
            }
            if (candidate.getSuperclass() != null) {
                candidates.add(candidate.getSuperclass());
            }
            candidates.addAll(List.of(candidate.getInterfaces()));
        }
        return null;
    }

    /** The HTTP name of a parameter (query, path, header...), or null for the body, which has none. */
    private static String httpName(Method method, int index) {
        if (method == null || index < 0 || index >= method.getParameterCount()) {
            return null;
        }
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            } else if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
        }
        return null;
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
