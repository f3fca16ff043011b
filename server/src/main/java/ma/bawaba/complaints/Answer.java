package ma.bawaba.complaints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An institution's answer to a complaint (the first, or one after a reopening), with the holder's one rating. */
@Entity
@Table(name = "complaint_answer")
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public int sequence;

    public String text;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "rating_satisfied")
    public Boolean ratingSatisfied;

    @Column(name = "rating_score")
    public Integer ratingScore;

    @Column(name = "rating_comment")
    public String ratingComment;

    @Column(name = "rated_at")
    public Instant ratedAt;

    public boolean isRated() {
        return ratedAt != null;
    }
}
