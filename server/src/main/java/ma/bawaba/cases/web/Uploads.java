package ma.bawaba.cases.web;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/** The HTTP side of documents, shared by the case resources: the multipart part in, the download out. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The multipart part named "file", with the name its sender gave it (the generated signature passes only the
     * bytes), read within the per-file limit. A missing part is a 400 naming the field.
     */
    public static Attachments.Upload fromForm(Attachments attachments) {
        var form = CurrentRequestManager.get().getFormData();
        FormValue part = form == null ? null : form.getFirst("file");
        if (part == null || !part.isFileItem()) {
            throw DomainException.BadRequest.field("file", FieldErrorCode.REQUIRED, "field.required");
        }
        try {
            return attachments.receive(part.getFileName(), part.getFileItem().getFileSize(), part.getFileItem().getInputStream());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A document as a download: its sniffed type, never sniffed again by the browser, never cached by proxies. */
    public static Response download(Attachments.Download download) {
        return Response.ok(download.content(), download.file().mediaType)
                .header("Content-Disposition", ContentDisposition.attachment(download.file().fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }
}
