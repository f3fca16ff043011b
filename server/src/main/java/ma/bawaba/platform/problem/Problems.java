package ma.bawaba.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import ma.bawaba.contract.model.FieldError;
import ma.bawaba.contract.model.Problem;
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

    public Problem problem(ProblemCatalog.Kind kind, Language language, String detailKey, Object[] args,
                           List<DomainException.FieldError> fieldErrors, String path, String requestId) {
        Problem problem = new Problem()
                .type(kind.type())
                .title(Messages.get(language, kind.titleKey()))
                .status(kind.status())
                .detail(Messages.get(language, detailKey, localize(language, args)))
                .instance(path + "#req-" + requestId)
                .requestId(requestId);
        problem.setErrors(null);
        if (!fieldErrors.isEmpty()) {
            problem.errors(fieldErrors.stream()
                    .map(error -> new FieldError()
                            .field(error.field())
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
