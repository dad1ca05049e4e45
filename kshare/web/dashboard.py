"""The program dashboard for sponsors and coordinators, and its CSV export."""

import csv
import io
from datetime import date

from flask import Blueprint, Response, render_template

from .access import DASHBOARD_READERS, require_role
from .charts import bar_chart, meter
from .helpers import services
from .programs import found_cohort

blueprint = Blueprint("dashboard", __name__)


@blueprint.before_request
def readers_only() -> None:
    require_role(DASHBOARD_READERS, "read the dashboard")


@blueprint.get("/dashboard")
def overview():
    """Show every program's cohorts with their key figures."""
    kshare, today = services(), date.today()
    programs = [
        (
            program,
            [
                (c, kshare.metrics.cohort(c.id, today))
                for c in kshare.programs.cohorts(program.id)
            ],
        )
        for program in kshare.programs.programs()
    ]
    return render_template("dashboard/overview.html", programs=programs)


@blueprint.get("/dashboard/cohorts/<cohort_id>")
def cohort(cohort_id: str):
    """Show one cohort's process and outcome metrics, trends and bottlenecks."""
    found = found_cohort(cohort_id)
    kshare = services()
    metrics = kshare.metrics.cohort(found.id, date.today())
    charts = {
        "sessions": bar_chart(
            [(m, s) for m, s, _, _ in metrics.monthly], "Sessions per month"
        ),
        "hours": bar_chart(
            [(m, h) for m, _, h, _ in metrics.monthly], "Hours per month", " h"
        ),
        "milestones": bar_chart(
            [(m, r) for m, _, _, r in metrics.monthly], "Milestones reached per month"
        ),
        "cadence": meter(
            metrics.sessions_per_pairing,
            metrics.expected_sessions_per_pairing,
            "Sessions per pairing against the charter cadence",
        ),
    }
    surveys = [
        kshare.feedback.survey_summary(found.id, occasion)
        for occasion in ("mid-cycle", "close")
    ]
    return render_template(
        "dashboard/cohort.html",
        cohort=found,
        metrics=metrics,
        charts=charts,
        surveys=surveys,
    )


@blueprint.get("/dashboard/cohorts/<cohort_id>.csv")
def cohort_csv(cohort_id: str):
    """Download one cohort's metrics as CSV."""
    found = found_cohort(cohort_id)
    metrics = services().metrics.cohort(found.id, date.today())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["metric", "value"])
    for name in FIGURES:
        writer.writerow([name, getattr(metrics, name)])
    writer.writerow([])
    writer.writerow(["month", "sessions", "hours", "milestones reached"])
    writer.writerows(metrics.monthly)
    filename = f"kshare-{found.slug}-metrics.csv"
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


FIGURES = (
    "pairings",
    "active_pairings",
    "sessions",
    "hours",
    "sessions_per_pairing",
    "expected_sessions_per_pairing",
    "median_days_to_notes",
    "reflections_completed",
    "milestones",
    "milestones_reached",
    "milestones_overdue",
    "median_days_to_milestone",
    "cross_team_share",
    "posts_published",
)
