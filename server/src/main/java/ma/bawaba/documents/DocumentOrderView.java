package ma.bawaba.documents;

import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachedFile;

/**
 * A document order with everything its reader may see: all of it for the holder and the office; for the postal
 * operator ({@code envelopeOnly}) what the envelope needs, and no birth act, identity, fee or document.
 */
public record DocumentOrderView(CaseFile file, DocumentOrder order, List<AttachedFile> attachments, boolean envelopeOnly) {
}
