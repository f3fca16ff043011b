package ma.bawaba.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import ma.bawaba.contract.model.FieldError;
import ma.bawaba.contract.model.Problem;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCatalog;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Messages;

/** Builds every problem+json body of the application, localised, with the request id as its instance. */
@ApplicationScoped
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /** A problem of that kind with the kind's own code, and no facts beyond the detail. */
    public Problem problem(ProblemCatalog.Kind kind, Language language, String detailKey, Object[] args,
                           List<DomainException.FieldError> fieldErrors, String path, String requestId) {
        return problem(kind, kind.code(), ProblemFacts.NONE, language, detailKey, args, fieldErrors, path, requestId);
    }

    public Problem problem(ProblemCatalog.Kind kind, ProblemCode code, ProblemFacts facts, Language language, String detailKey,
                           Object[] args, List<DomainException.FieldError> fieldErrors, String path, String requestId) {
        Problem problem = new Problem()
                .type(kind.type())
                .title(Messages.get(language, kind.titleKey()))
                .status(kind.status())
                .code(ma.bawaba.contract.model.ProblemCode.fromValue(code.name()))
                .detail(Messages.get(language, detailKey, localize(language, args)))
                .instance(path + "#req-" + requestId)
                .requestId(requestId)
                .currentStatus(facts.currentStatus())
                .allowedFrom(facts.allowedFrom())
                .allowedUntil(facts.allowedUntil())
                .limit(facts.limit())
                .currentVersion(facts.currentVersion());
        problem.setErrors(null);
        if (!fieldErrors.isEmpty()) {
            problem.errors(fieldErrors.stream()
                    .map(error -> new FieldError()
                            .field(error.field())
                            .code(ma.bawaba.contract.model.FieldErrorCode.fromValue(error.code().name()))
                            .message(Messages.get(language, error.messageKey(), localize(language, error.args()))))
                    .toList());
        }
        return problem;
    }

    public String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public Response response(Problem problem) {
        return Response.status(problem.getStatus()).type(MEDIA_TYPE).entity(toJson(problem)).build();
    }

    private static Object[] localize(Language language, Object[] args) {
        return Arrays.stream(args)
                .map(arg -> arg instanceof DomainException.Localized localized ? Messages.get(language, localized.key()) : arg)
                .toArray();
    }
}
