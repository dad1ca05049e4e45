"""Survey answers and recognition tokens (both append-only)."""

from sqlalchemy import Connection, Table

from ...domain.feedback import Recognition, SurveyResponse


class SqlSurveys:
    name = "surveys"
    events = (SurveyResponse.SurveyAnswered,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        rows = [
            {
                "id": str(e.originator_id),
                "cohort_id": str(e.cohort_id),
                "occasion": e.occasion,
                "participant_id": str(e.participant_id),
                "sentiment": e.sentiment,
                "value": e.value,
                "comment": e.comment,
                "at": e.timestamp,
            }
            for _, e in events
        ]
        conn.execute(tables["survey_responses"].insert(), rows)


class SqlRecognition:
    name = "recognition"
    events = (Recognition.RecognitionGiven,)

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        rows = [
            {
                "id": str(e.originator_id),
                "giver_id": str(e.giver_id),
                "receiver_id": str(e.receiver_id),
                "message": e.message,
                "at": e.timestamp,
            }
            for _, e in events
        ]
        conn.execute(tables["recognitions"].insert(), rows)
