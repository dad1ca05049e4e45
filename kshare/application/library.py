"""Library commands: participants, posts, appreciation, the lesson of the week."""

import hashlib
import secrets
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from ..domain import text
from ..domain.appreciation import Appreciation
from ..domain.errors import Conflict, Invalid, NotAllowed, NotAuthenticated, NotFound
from ..domain.ids import OPERATOR, api_token_id, participant_id
from ..domain.participants import PARTICIPANT, HandleClaim, Participant
from ..domain.posts import DRAFT, LESSON, PUBLISHED, Post
from ..domain.tokens import ApiToken
from ..domain.weekly import WeeklyFeature, checked_week
from .base import RACE, Base, Receipt

MIN_PASSWORD = 8


class LibraryCommands(Base):
    def register_participant(
        self,
        *,
        email: str,
        handle: str,
        display_name: str,
        password: str,
        role: str = PARTICIPANT,
        actor_id: UUID | None = None,
        **profile: Any,
    ) -> Receipt:
        """Sign a person up (actor None), or register them as a coordinator/operator."""
        if actor_id is None or actor_id == participant_id(email):
            if role != PARTICIPANT:
                raise NotAllowed("Only a coordinator may give someone another role.")
            actor_id = participant_id(email)
        else:
            self._coordinator(actor_id, "register someone else")
        participant = Participant.register(
            email=email,
            handle=handle,
            display_name=display_name,
            role=role,
            password_hash=self._password_hash(password),
            actor_id=actor_id,
            **profile,
        )
        claim = HandleClaim(
            handle=participant.handle, participant_id=participant.id, actor_id=actor_id
        )
        if participant.id in self.repository:
            raise Conflict(f"{participant.email} already has an account.")
        if claim.id in self.repository:
            raise Conflict(f"The handle @{participant.handle} is taken.")
        position = self._save(
            participant, claim, conflict="That email address or handle was just taken."
        )
        return Receipt(participant.id, position)

    def _password_hash(self, password: str) -> str:
        if len(password or "") < MIN_PASSWORD:
            raise Invalid(f"A password needs at least {MIN_PASSWORD} characters.")
        if len(password) > 1024:
            raise Invalid("That password is too long.")
        return self.passwords.hash(password)

    def update_profile(
        self, *, actor_id: UUID, participant_id: UUID, **profile
    ) -> Receipt:
        """Change a profile: one's own, or anyone's as a coordinator."""
        actor = self._acting(actor_id)
        person = self._get(participant_id, Participant, "participant")
        if actor.id != person.id and not actor.is_coordinator:
            raise NotAllowed("Only the person or a coordinator may change a profile.")
        person.update_profile(actor_id=actor.id, **profile)
        return Receipt(person.id, self._save(person, conflict=RACE))

    def change_role(
        self, *, actor_id: UUID, participant_id: UUID, role: str
    ) -> Receipt:
        """Make someone a coordinator, or a participant again."""
        self._coordinator(actor_id, "change roles")
        person = self._get(participant_id, Participant, "participant")
        person.change_role(role=role, actor_id=actor_id)
        return Receipt(
            person.id,
            self._save(person, conflict=RACE) if person.pending_events else None,
        )

    def deactivate_participant(
        self, *, actor_id: UUID, participant_id: UUID, reason: str
    ) -> Receipt:
        """Close an account: one's own, or anyone's as a coordinator."""
        person = self._get(participant_id, Participant, "participant")
        if actor_id != OPERATOR and actor_id != person.id:
            self._coordinator(actor_id, "deactivate someone else")
        person.deactivate(reason=reason, actor_id=actor_id)
        return Receipt(person.id, self._save(person, conflict=RACE))

    def authenticate(self, email: str, password: str) -> UUID:
        """Return the participant whose email and password these are."""
        try:
            person = self._get(
                participant_id(text.email(email)),
                Participant,
                "participant",
                to_change=False,
            )
        except (NotFound, Invalid):
            raise NotAuthenticated("Wrong email or password.") from None
        if not self.passwords.verify(person.password_hash, password or ""):
            raise NotAuthenticated("Wrong email or password.")
        if not person.active:
            raise NotAuthenticated("This account is deactivated.")
        return person.id

    def issue_token(
        self, *, actor_id: UUID, email: str, label: str = ""
    ) -> tuple[str, Receipt]:
        """Create a bearer token for the JSON API; only its digest is stored."""
        person = self._get(
            participant_id(text.email(email)), Participant, "participant"
        )
        if actor_id not in (OPERATOR, person.id):
            self._coordinator(actor_id, "create tokens for someone else")
        token = secrets.token_urlsafe(32)
        issued = ApiToken.issue(
            digest=_digest(token),
            participant_id=person.id,
            label=label,
            actor_id=actor_id,
        )
        return token, Receipt(issued.id, self._save(issued, conflict=RACE))

    def identify_token(self, token: str) -> UUID:
        """Return the participant a bearer token belongs to."""
        try:
            issued = self._get(
                api_token_id(_digest(token)), ApiToken, "token", to_change=False
            )
        except NotFound:
            raise NotAuthenticated("That API token is not valid.") from None
        if issued.revoked:
            raise NotAuthenticated("That API token was revoked.")
        return self._signed_in(issued.participant_id).id

    def draft_post(
        self,
        *,
        actor_id: UUID,
        kind: str,
        title: str,
        parts: dict[str, str],
        tags: list[str] | str = (),
        publish: bool = False,
    ) -> Receipt:
        """Write a new lesson or story, as a draft or published at once."""
        author = self._acting(actor_id)
        post = Post.draft(
            kind=kind,
            author_id=author.id,
            author_handle=author.handle,
            title=title,
            parts=parts,
            tags=tags,
            actor_id=author.id,
        )
        if publish:
            post.publish(actor_id=author.id)
        return Receipt(post.id, self._save(post, conflict=RACE))

    def _editable_post(
        self, actor_id: UUID, post_id: UUID, doing: str
    ) -> tuple[Participant, Post]:
        actor = self._acting(actor_id)
        post = self._visible_post(actor, post_id)
        if post.author_id != actor.id and not actor.is_coordinator:
            raise NotAllowed(f"Only the author or a coordinator may {doing} this post.")
        return actor, post

    def _visible_post(
        self, actor: Participant, post_id: UUID, *, to_change: bool = True
    ) -> Post:
        """A post as ``actor`` may see it: a draft is its author's and the
        coordinators' alone; to anyone else it does not exist."""
        post = self._get(post_id, Post, "post", to_change=to_change)
        if post.status == DRAFT and not (
            post.author_id == actor.id or actor.is_coordinator
        ):
            raise NotFound("No such post.")
        return post

    def publish_post(self, *, actor_id: UUID, post_id: UUID) -> Receipt:
        """Publish a draft."""
        actor, post = self._editable_post(actor_id, post_id, "publish")
        post.publish(actor_id=actor.id)
        return Receipt(post.id, self._save(post, conflict=RACE))

    def revise_post(
        self,
        *,
        actor_id: UUID,
        post_id: UUID,
        title: str | None = None,
        parts: dict[str, str] | None = None,
        tags: list[str] | str | None = None,
    ) -> Receipt:
        """Save a new revision; earlier ones are kept. What is left out (a
        title, tags, any part) keeps its current value."""
        actor, post = self._editable_post(actor_id, post_id, "revise")
        post.revise(
            title=post.title if title is None else title,
            parts=post.parts | (parts or {}),
            tags=post.tags if tags is None else tags,
            actor_id=actor.id,
        )
        return Receipt(post.id, self._save(post, conflict=RACE))

    def retract_post(self, *, actor_id: UUID, post_id: UUID, reason: str) -> Receipt:
        """Take a published post out of the feeds and the library, with a reason."""
        actor, post = self._editable_post(actor_id, post_id, "retract")
        post.retract(reason=reason, actor_id=actor.id)
        return Receipt(post.id, self._save(post, conflict=RACE))

    def republish_post(self, *, actor_id: UUID, post_id: UUID) -> Receipt:
        """Bring a retracted post back."""
        actor, post = self._editable_post(actor_id, post_id, "republish")
        post.republish(actor_id=actor.id)
        return Receipt(post.id, self._save(post, conflict=RACE))

    def appreciate_post(self, *, actor_id: UUID, post_id: UUID) -> Receipt:
        """Appreciate a published post; a second time changes nothing."""
        actor = self._acting(actor_id)
        post = self._visible_post(actor, post_id, to_change=False)
        if post.status != PUBLISHED:
            raise Invalid("Only a published post can be appreciated.")
        if post.author_id == actor.id:
            raise Invalid("You can't appreciate your own post.")
        given = Appreciation(
            post_id=post.id,
            participant_id=actor.id,
            author_id=post.author_id,
            actor_id=actor.id,
        )
        try:
            return Receipt(post.id, self.save(given)[-1].notification.id)
        except IntegrityError:  # appreciated before: its id is taken
            return Receipt(post.id, None)

    def feature_lesson(
        self, *, actor_id: UUID, week: str, post_id: UUID, note: str
    ) -> Receipt:
        """Make a published lesson the lesson of an ISO week (one per week)."""
        self._coordinator(actor_id, "choose the lesson of the week")
        week = checked_week(week)
        post = self._get(post_id, Post, "lesson", to_change=False)
        if post.kind != LESSON or post.status != PUBLISHED:
            raise Invalid("Only a published lesson can be the lesson of the week.")
        feature = WeeklyFeature.feature(
            week=week, post_id=post.id, note=note, actor_id=actor_id
        )
        taken = f"Week {week} already has a lesson of the week."
        return Receipt(feature.id, self._save(feature, conflict=taken))


def _digest(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()
