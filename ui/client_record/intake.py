"""The intake: the form for a new client, and the Intake tab of the client record.

- :func:`open_new_intake` shows :class:`NewIntakeDialog`: the whole intake (person and
  contact, consent, episode of care, substances, living situation and children,
  employment and education, health and risks, BARC-10) saved by one call of
  ``services.intake.register_client``, which writes the client, the first episode, the
  assessment, the consents and the BARC-10 in one transaction.
- :class:`IntakeForm` is that form: a scroll area of group boxes, one
  :class:`ui.forms.Form` per section, tied together by :class:`ui.widgets.FormSet`.  With
  an episode it shows only the assessment sections, for ``episodes.record_intake``; with
  a client record only the person and contact section, filled in, for
  ``clients.update_client`` (the "Edit details" dialog of :mod:`ui.client_record.client_details`
  uses it, so the details are checked and laid out exactly as at intake).
- :class:`IntakeTab` shows the intake of the open (else the latest) episode read-only,
  with a chooser for earlier episodes.  An episode without an assessment offers
  "Record intake", which opens the assessment form inside the tab (Ctrl+S through the
  record view saves it; leaving it asks about unsaved changes).

Decisions
---------
* **Read-only once saved.**  The core has no service that changes a recorded intake
  (only ``clients.update_client`` for personal details, edited from the Overview), so the
  tab has no Edit button: an intake stays as it was recorded.
* **One source of truth for the rules.**  The check as the user types runs the core's
  own functions on the values typed: ``episodes.check_episode`` and ``check_intake``,
  ``consents.check_consents`` and ``assessments.check_answers`` are pure, so they run on
  the GUI thread as they are.  ``clients.check_client`` needs the database (for the
  counsellor), so the personal details get the same ``Checker`` checks
  and limits it uses, minus the e-mail format and counsellor, which the service checks
  on save.  Whatever the service still refuses is shown beside the same field.
* **When messages appear.**  A field is checked once the user has left it (a text or
  date field) or changed it (a choice); after that it is re-checked as they type, so a
  message disappears as soon as the value is right.  A failed Save shows every message
  and, from then on, keeps all of them current.  A message from the service stays until
  its field is edited.
* Two rules exist only because of how the form is laid out: a consent's named services
  need the consent's date (else they would be dropped without a word), and a secondary
  substance's route, frequency and age are cleared and disabled while its drug is
  "None".
* **Defaults**: nothing is pre-chosen except the admission date (today), the client's
  preferred language (the language of the user interface) and, for a counsellor, the
  assigned counsellor (themselves).  Administrators may assign any active counsellor or
  administrator; counsellors themselves or nobody (the account list is for
  administrators only, and the core has no other list of counsellors).  Editing a
  client's details also keeps the counsellor already assigned on offer, so that a
  counsellor changing a phone number never unassigns a colleague by accident.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app import codes
from clinic_app.errors import ContinuumError, ValidationError
from clinic_app.services import accounts, assessments, clients, episodes, intake
from clinic_app.services.accounts import UserInfo
from clinic_app.services.assessments import Barc10Result
from clinic_app.services.auth import ADMINISTRATOR, RECORD_ROLES
from clinic_app.services.clients import (
    ADDRESS_MAX_LEN,
    CLIENT_CODED_FIELDS,
    EMAIL_MAX_LEN,
    NAME_MAX_LEN,
    PHONE_MAX_LEN,
    ClientDetails,
    ClientRecord,
)
from clinic_app.services.common import Checker
from clinic_app.services.consents import SCOPED_KIND, ConsentGiven, check_consents
from clinic_app.services.episodes import (
    EPISODE_CODED_FIELDS,
    INTAKE_CODED_FIELDS,
    INTAKE_TEXT_FIELDS,
    EpisodeDetails,
    EpisodeRecord,
    IntakeDetails,
    IntakeRecord,
    SubstanceRecord,
    SubstanceUse,
    age_on,
    check_episode,
    check_intake,
    substance_prefix,
)
from clinic_app.services.intake import BARC10_FIELD_PREFIX, IntakeResult
from ui.client_record.tab import RecordTab
from ui.clients.display import show_date
from ui.dialogs import confirm
from ui.forms import Form, heading, message_label, plain_label, set_message
from ui.session import Session
from ui.tasks import error_text
from ui.widgets import Barc10Entry, CodeCombo, FormSet, OptionalDateEdit, WholeNumberEdit, ui_language

CONTEXT = "Intake"
SUBSTANCE_RANKS = tuple(range(1, 2 + codes.MAX_SECONDARY_DRUGS))
SUBSTANCE_PARTS = ("drug", "route", "frequency", "age_first_use")
LIVE_CHECK_DELAY_MS = 250

#: every field's label (source text, translated in the "Intake" context), by service field name
_LABELS: dict[str, str] = {
    "given_names": QT_TRANSLATE_NOOP("Intake", "&Given names:"),
    "family_name": QT_TRANSLATE_NOOP("Intake", "&Family name(s):"),
    "date_of_birth": QT_TRANSLATE_NOOP("Intake", "&Date of birth:"),
    "sex": QT_TRANSLATE_NOOP("Intake", "Se&x:"),
    "gender_identity": QT_TRANSLATE_NOOP("Intake", "Gender &identity:"),
    "nationality": QT_TRANSLATE_NOOP("Intake", "&Nationality:"),
    "preferred_language": QT_TRANSLATE_NOOP("Intake", "Preferred lan&guage:"),
    "phone": QT_TRANSLATE_NOOP("Intake", "&Phone:"),
    "email": QT_TRANSLATE_NOOP("Intake", "&E-mail:"),
    "address": QT_TRANSLATE_NOOP("Intake", "&Address:"),
    "counsellor_id": QT_TRANSLATE_NOOP("Intake", "Assigned &counsellor:"),
    "consent_share_services_scope": QT_TRANSLATE_NOOP("Intake", "Named ser&vices:"),
    "admission_date": QT_TRANSLATE_NOOP("Intake", "Ad&mission date:"),
    "programme": QT_TRANSLATE_NOOP("Intake", "P&rogramme:"),
    "centre_type": QT_TRANSLATE_NOOP("Intake", "&Type of centre:"),
    "referral_source": QT_TRANSLATE_NOOP("Intake", "Referral so&urce:"),
    "previously_treated": QT_TRANSLATE_NOOP("Intake", "Previously treate&d:"),
    "assessed_on": QT_TRANSLATE_NOOP("Intake", "Assessment date:"),
    "primary_drug": QT_TRANSLATE_NOOP("Intake", "&Primary drug:"),
    "drug": QT_TRANSLATE_NOOP("Intake", "Drug:"),
    "route": QT_TRANSLATE_NOOP("Intake", "Route:"),
    "frequency": QT_TRANSLATE_NOOP("Intake", "Frequency (last 30 days):"),
    "age_first_use": QT_TRANSLATE_NOOP("Intake", "Age at first use:"),
    "living_with": QT_TRANSLATE_NOOP("Intake", "Lives &with:"),
    "housing": QT_TRANSLATE_NOOP("Intake", "&Housing:"),
    "living_with_children": QT_TRANSLATE_NOOP("Intake", "Lives with children:"),
    "has_children": QT_TRANSLATE_NOOP("Intake", "Has c&hildren:"),
    "number_of_children": QT_TRANSLATE_NOOP("Intake", "Number of children:"),
    "labour_status": QT_TRANSLATE_NOOP("Intake", "&Labour status:"),
    "education": QT_TRANSLATE_NOOP("Intake", "Education:"),
    "legal_situation": QT_TRANSLATE_NOOP("Intake", "Legal situation:"),
    "injecting": QT_TRANSLATE_NOOP("Intake", "In&jecting:"),
    "opioid_substitution": QT_TRANSLATE_NOOP("Intake", "&Opioid substitution:"),
    "tested_hiv": QT_TRANSLATE_NOOP("Intake", "HIV testing:"),
    "tested_hcv": QT_TRANSLATE_NOOP("Intake", "Hepatitis C (HCV) testing:"),
    "tested_hbv": QT_TRANSLATE_NOOP("Intake", "Hepatitis B (HBV) testing:"),
    "physical_health": QT_TRANSLATE_NOOP("Intake", "Physical health:"),
    "mental_health": QT_TRANSLATE_NOOP("Intake", "Mental health:"),
    "risks": QT_TRANSLATE_NOOP("Intake", "Risks:"),
    "notes": QT_TRANSLATE_NOOP("Intake", "Notes:"),
}
#: the sections' titles, shared by the form and the read-only view
_TITLES: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("Intake", "Person and contact"),
    "consent": QT_TRANSLATE_NOOP("Intake", "Consent"),
    "episode": QT_TRANSLATE_NOOP("Intake", "Episode of care"),
    "assessment": QT_TRANSLATE_NOOP("Intake", "Assessment"),
    "substances": QT_TRANSLATE_NOOP("Intake", "Substances"),
    "living": QT_TRANSLATE_NOOP("Intake", "Living situation, children and dependants"),
    "employment": QT_TRANSLATE_NOOP("Intake", "Employment, education and legal situation"),
    "health": QT_TRANSLATE_NOOP("Intake", "Health and risks"),
    "notes": QT_TRANSLATE_NOOP("Intake", "Other notes"),
    "barc10": QT_TRANSLATE_NOOP("Intake", "Recovery capital at intake (BARC-10)"),
    "not_assigned": QT_TRANSLATE_NOOP("Intake", "Not assigned"),
}
_CODED: dict[str, codes.CodeList] = dict(CLIENT_CODED_FIELDS + EPISODE_CODED_FIELDS + INTAKE_CODED_FIELDS)
_SUBSTANCE_LISTS = {"drug": codes.DRUG, "route": codes.ROUTE, "frequency": codes.FREQUENCY}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label_of(field: str) -> str:
    """The translated label of a service field (with its mnemonic and colon)."""
    return _t(_LABELS[field])


def title_of(section: str) -> str:
    """The translated title of a section (or the "Not assigned" counsellor)."""
    return _t(_TITLES[section])


def substance_heading(rank: int) -> str:
    if rank == 1:
        return QCoreApplication.translate("Intake", "Primary substance")
    return QCoreApplication.translate("Intake", "Secondary substance {number}").format(number=rank - 1)


def _text_box(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


# =====================================================================================
# The form
# =====================================================================================


class IntakeForm(QWidget):
    """The intake form in a scroll area; a new client without ``episode``, else its assessment only.

    ``episode`` and ``date_of_birth`` (the client's) are needed together: the assessment
    of an episode that has none yet, saved with ``episodes.record_intake``.  ``client``
    alone: that client's personal details, saved with ``clients.update_client``.
    """

    #: a value changed (the form may now hold unsaved changes)
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, *, episode: EpisodeRecord | None = None,
                 date_of_birth: date | None = None, client: ClientRecord | None = None) -> None:
        super().__init__(parent)
        if (episode is None) != (date_of_birth is None):
            raise ValueError("an episode's assessment needs the client's date of birth, and only then")
        if client is not None and episode is not None:
            raise ValueError("a form edits either a client's details or an episode's assessment")
        self.session = session
        self.episode = episode
        self.client = client
        self._date_of_birth = date_of_birth
        self.lang = ui_language()
        self.forms = FormSet(self)
        self._widgets: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        self._live: set[str] = set()  # keys whose message came from the check as you type
        self._service: set[str] = set()  # keys whose message came from the service
        self._related: dict[str, tuple[str, ...]] = {}  # message key -> the fields it is about
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_CHECK_DELAY_MS)
        self._timer.timeout.connect(self.live_check)

        self._content = QWidget()
        self._content.setObjectName("intakeContent")
        self._column = QVBoxLayout(self._content)
        self._column.setSpacing(12)
        if client is not None:
            self._build_person()
            self._fill_person(client)
        else:
            if self.is_new_client:
                self._build_person()
                self._build_consent()
                self._build_episode()
            else:
                self._build_assessment_date()
            self._build_substances()
            self._build_living()
            self._build_employment()
            self._build_health()
            self._build_notes()
            self.forms.busy_changed.connect(self._enable_secondary)
            self._enable_secondary()
        self.barc10: Barc10Entry | None = self._build_barc10() if self.is_new_client else None
        self._column.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._content)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        self.forms.add_validator(self.check)
        self.forms.first_error.connect(lambda w: self.scroll.ensureWidgetVisible(w, 40, 80))
        self._touched.clear()  # the defaults set above are not the user's doing
        self._timer.stop()
        self._initial = self.snapshot()
        if self.is_new_client or client is not None:
            self._load_counsellors()

    @property
    def is_new_client(self) -> bool:
        return self.episode is None and self.client is None

    # --- building ---------------------------------------------------------------------------
    def _section(self, title: str, intro: str = "") -> Form:
        box = QGroupBox(title, self._content)
        inner = QVBoxLayout(box)
        if intro:
            note = QLabel(intro, box)
            note.setWordWrap(True)
            note.setProperty("kind", "hint")
            inner.addWidget(note)
        form = self.forms.add_form(Form(box))
        inner.addWidget(form)
        self._column.addWidget(box)
        return form

    def _add(self, form: Form, key: str, widget: QWidget, label: str | None = None, hint: str = "") -> None:
        form.add_field(key, label if label is not None else label_of(key), widget, hint)
        self._register(key, widget)

    def _register(self, key: str, widget: QWidget) -> None:
        self._widgets[key] = widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(functools.partial(self._edited, key, False))
            widget.editingFinished.connect(functools.partial(self._touch, key))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(functools.partial(self._edited, key, True))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(functools.partial(self._edited, key, True))

    def _combo(self, form: Form, key: str, code_list: codes.CodeList | None = None, label: str | None = None,
               **options: Any) -> CodeCombo:
        combo = CodeCombo(code_list or _CODED[key], form, lang=self.lang, **options)
        self._add(form, key, combo, label)
        return combo

    def _date(self, form: Form, key: str, label: str | None = None, hint: str = "") -> OptionalDateEdit:
        edit = OptionalDateEdit(form, maximum=date.today())
        self._add(form, key, edit, label, hint)
        return edit

    def _build_person(self) -> None:
        form = self._section(title_of("person"))
        for key in ("given_names", "family_name"):
            self._add(form, key, QLineEdit(form))
        self._date(form, "date_of_birth")
        for key in ("sex", "gender_identity", "nationality"):
            self._combo(form, key)
        self._combo(form, "preferred_language").set_code(self.lang)
        self._add(form, "phone", QLineEdit(form))
        self._add(form, "email", QLineEdit(form))
        self._add(form, "address", _text_box(form))
        self.counsellor = QComboBox(form)
        self.counsellor.addItem(title_of("not_assigned"), None)
        self._add(form, "counsellor_id", self.counsellor)

    def _fill_person(self, record: ClientRecord) -> None:
        """Show ``record``'s personal details, with its assigned counsellor on offer and chosen."""
        for key in ("given_names", "family_name", "phone", "email"):
            edit = self._widgets[key]
            assert isinstance(edit, QLineEdit)
            edit.setText(getattr(record, key))
        birth = self._widgets["date_of_birth"]
        assert isinstance(birth, OptionalDateEdit)
        birth.set_date(record.date_of_birth)
        for key, _list in CLIENT_CODED_FIELDS:
            combo = self._widgets[key]
            assert isinstance(combo, CodeCombo)
            combo.set_code(getattr(record, key))
        address = self._widgets["address"]
        assert isinstance(address, QPlainTextEdit)
        address.setPlainText(record.address)
        if record.counsellor_id is not None:
            self.counsellor.addItem(record.counsellor_name or "", record.counsellor_id)
            self.counsellor.setCurrentIndex(self.counsellor.count() - 1)

    def _build_consent(self) -> None:
        form = self._section(title_of("consent"), self.tr("Enter the date the client gave each consent; leave "
                                                          "the date empty for a consent not given."))
        for kind, kind_label in codes.CONSENT_KIND.choices(self.lang):
            self._date(form, f"consent_{kind}", f"{kind_label}:")
            if kind == SCOPED_KIND:
                self._add(form, f"consent_{kind}_scope", _text_box(form, 2),
                          hint=self.tr("The services the client agreed to share with, one per line."))

    def _build_episode(self) -> None:
        form = self._section(title_of("episode"))
        self._date(form, "admission_date").set_date(date.today())
        for key, _list in EPISODE_CODED_FIELDS:
            self._combo(form, key)
        self._date(form, "assessed_on", hint=self.tr("Leave empty when the assessment was on the admission day."))

    def _build_assessment_date(self) -> None:
        assert self.episode is not None
        form = self._section(title_of("assessment"), self.tr("Episode of care admitted on {day}.").format(
            day=show_date(self.episode.admission_date)))
        self._date(form, "assessed_on", hint=self.tr("Leave empty when the assessment was on the admission day."))

    def _build_substances(self) -> None:
        box = QGroupBox(title_of("substances"), self._content)
        inner = QVBoxLayout(box)
        note = QLabel(self.tr("Ages in whole years; leave an age empty when it is not known. Up to three "
                         "secondary substances; leave the drug at “None” when there are no more."), box)
        note.setWordWrap(True)
        note.setProperty("kind", "hint")
        inner.addWidget(note)
        self.secondary_error = message_label("error", box)
        self.secondary_error.setObjectName("error_secondary_drugs")
        inner.addWidget(self.secondary_error)
        self.forms.add_message_label("secondary_drugs", self.secondary_error)
        self._related["secondary_drugs"] = tuple(f"{substance_prefix(r)}_drug" for r in SUBSTANCE_RANKS)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        inner.addLayout(grid)
        for index, rank in enumerate(SUBSTANCE_RANKS):
            cell = QWidget(box)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(heading(substance_heading(rank), cell, scale=1.0))
            form = self.forms.add_form(Form(cell))
            cell_layout.addWidget(form)
            cell_layout.addStretch(1)
            grid.addWidget(cell, index // 2, index % 2)
            prefix = substance_prefix(rank)
            for part in SUBSTANCE_PARTS:
                key = f"{prefix}_{part}"
                label = _t(_LABELS[key if key == "primary_drug" else part])
                if part == "age_first_use":
                    self._add(form, key, WholeNumberEdit(form), label)
                elif part == "drug" and rank > 1:
                    combo = self._combo(form, key, codes.DRUG, label, none_text=self.tr("None"),
                                        exclude=(codes.NOT_KNOWN,))
                    combo.code_changed.connect(functools.partial(self._secondary_drug_changed, rank))
                else:
                    self._combo(form, key, _SUBSTANCE_LISTS[part], label)
                # "Route" four times over would not tell a screen-reader user which substance it is
                self._widgets[key].setAccessibleName(f"{substance_heading(rank)}: {plain_label(label)}")
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._column.addWidget(box)

    def _build_living(self) -> None:
        form = self._section(title_of("living"))
        for key in ("living_with", "housing", "living_with_children", "has_children"):
            self._combo(form, key)
        self._add(form, "number_of_children", WholeNumberEdit(form, digits=2),
                  hint=self.tr("Leave empty when not known."))

    def _build_employment(self) -> None:
        form = self._section(title_of("employment"))
        self._combo(form, "labour_status")
        self._combo(form, "education")
        self._add(form, "legal_situation", _text_box(form))

    def _build_health(self) -> None:
        form = self._section(title_of("health"))
        for key in ("injecting", "opioid_substitution", "tested_hiv", "tested_hcv", "tested_hbv"):
            self._combo(form, key)
        for key in ("physical_health", "mental_health", "risks"):
            self._add(form, key, _text_box(form))

    def _build_notes(self) -> None:
        form = self._section(title_of("notes"))
        self._add(form, "notes", _text_box(form, 4))

    def _build_barc10(self) -> Barc10Entry:
        box = QGroupBox(title_of("barc10"), self._content)
        inner = QVBoxLayout(box)
        note = QLabel(self.tr("Optional. Read each statement with the client and choose how much they agree; "
                         "answer all ten, or leave them all unanswered."), box)
        note.setWordWrap(True)
        note.setProperty("kind", "hint")
        inner.addWidget(note)
        entry = Barc10Entry(box, key_prefix=BARC10_FIELD_PREFIX, lang=self.lang)
        inner.addWidget(entry)
        self.forms.add_form(entry.form)
        for item in codes.BARC10_ITEM.codes():
            self._register(entry.field_key(item), entry.combo(item))
        self._column.addWidget(box)
        return entry

    def _load_counsellors(self) -> None:
        runner, call = self.session.runner, self.session.call
        if self.session.actor.role == ADMINISTRATOR:
            runner.run_db(call(accounts.list_users, write=False), self._counsellors_loaded)
        else:
            runner.run_db(call(accounts.me, write=False), lambda me: self._counsellors_loaded((me,)))

    def _counsellors_loaded(self, users: Iterable[UserInfo]) -> None:
        clean = not self.has_unsaved_changes()
        me = self.session.actor.user_id
        chosen = [u for u in users if u.active and u.role in RECORD_ROLES]
        chosen.sort(key=lambda u: (u.id != me, (u.full_name or u.name).casefold()))
        self.counsellor.blockSignals(True)
        for user in chosen:
            text = f"{user.full_name} ({user.name})" if user.full_name else user.name
            index = self.counsellor.findData(user.id)
            if index < 0:
                self.counsellor.addItem(text, user.id)
            else:  # the client's counsellor, already on offer: named as the others are
                self.counsellor.setItemText(index, text)
        if self.is_new_client and self.session.actor.role != ADMINISTRATOR:
            self.counsellor.setCurrentIndex(self.counsellor.findData(me))
        self.counsellor.blockSignals(False)
        if clean:
            self._initial = self.snapshot()

    # --- values --------------------------------------------------------------------------------
    def field(self, key: str) -> QWidget:
        return self._widgets[key]

    def keys(self) -> tuple[str, ...]:
        return tuple(self._widgets)

    def value(self, key: str) -> Any:
        """The value of one field as a service takes it."""
        widget = self._widgets[key]
        if isinstance(widget, CodeCombo):
            return widget.code()
        if isinstance(widget, (OptionalDateEdit, WholeNumberEdit)):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def snapshot(self) -> tuple[Any, ...]:
        return tuple(self.value(key) for key in self._widgets)

    def has_unsaved_changes(self) -> bool:
        return self.snapshot() != self._initial

    def client_details(self) -> ClientDetails:
        v = self.value
        return ClientDetails(
            given_names=v("given_names"), family_name=v("family_name"), date_of_birth=v("date_of_birth"),
            **{key: v(key) for key, _list in CLIENT_CODED_FIELDS},
            phone=v("phone"), email=v("email"), address=v("address"), counsellor_id=v("counsellor_id"),
        )

    def episode_details(self) -> EpisodeDetails:
        return EpisodeDetails(self.value("admission_date"), **{key: self.value(key) for key, _ in EPISODE_CODED_FIELDS})

    def _substance(self, rank: int) -> SubstanceUse:
        prefix = substance_prefix(rank)
        drug, route, frequency, age = (self.value(f"{prefix}_{part}") for part in SUBSTANCE_PARTS)
        return SubstanceUse(drug, route, frequency, age)

    def intake_details(self) -> IntakeDetails:
        v = self.value
        secondary = tuple(self._substance(rank) for rank in SUBSTANCE_RANKS[1:]
                          if v(f"{substance_prefix(rank)}_drug"))
        return IntakeDetails(
            **{key: v(key) for key, _ in INTAKE_CODED_FIELDS},
            primary=self._substance(1), secondary=secondary, number_of_children=v("number_of_children"),
            assessed_on=v("assessed_on") or None, **{key: v(key) for key in INTAKE_TEXT_FIELDS},
        )

    def consents(self) -> tuple[ConsentGiven, ...]:
        given = []
        for kind in codes.CONSENT_KIND.codes():
            day = self.value(f"consent_{kind}")
            if day:
                scope = self.value(f"consent_{kind}_scope") if kind == SCOPED_KIND else ""
                given.append(ConsentGiven(kind, day, scope))
        return tuple(given)

    def barc10_answers(self) -> dict[str, int | None] | None:
        """The BARC-10 answers, or ``None`` when no statement is answered (no BARC-10 taken)."""
        if self.barc10 is None or self.barc10.is_empty():
            return None
        return self.barc10.answers()

    # --- checking ----------------------------------------------------------------------------------
    def check(self) -> dict[str, str]:
        """Every problem the core finds in the values typed ({field: message})."""
        c = Checker()
        if self.client is not None:
            self._check_person(c)
            return c.errors
        if self.is_new_client:
            date_of_birth = self._check_person(c)
            _episode, admission = check_episode(c, self.episode_details(), date_of_birth)
            check_consents(c, self.consents(), date_of_birth)
            scope_key = f"consent_{SCOPED_KIND}_scope"
            if self.value(scope_key).strip() and not self.value(f"consent_{SCOPED_KIND}"):
                c.fail(f"consent_{SCOPED_KIND}", self.tr("Enter the date the client agreed, or leave the named "
                                                    "services empty."))
            if self.barc10 is not None and not self.barc10.is_empty():
                for key, message in self.barc10.check().items():
                    c.fail(key, message)
        else:
            assert self.episode is not None
            date_of_birth, admission = self._date_of_birth, self.episode.admission_date
        check_intake(c, self.intake_details(), date_of_birth, admission)
        return c.errors

    def _check_person(self, c: Checker) -> date | None:
        """``clients.check_client`` without the database: names, date of birth, coded items, lengths."""
        details = self.client_details()
        c.text(details.given_names, "given_names", max_len=NAME_MAX_LEN, required=True)
        c.text(details.family_name, "family_name", max_len=NAME_MAX_LEN, required=True)
        date_of_birth = c.date(details.date_of_birth, "date_of_birth", past_only=True)
        for key, code_list in CLIENT_CODED_FIELDS:
            c.code(code_list, getattr(details, key), key)
        for key, limit in (("phone", PHONE_MAX_LEN), ("email", EMAIL_MAX_LEN), ("address", ADDRESS_MAX_LEN)):
            c.text(getattr(details, key), key, max_len=limit)
        return date_of_birth

    def _edited(self, key: str, touch: bool, *_args: object) -> None:
        if key in self._service:  # the service's message was about the old value
            self._service.discard(key)
            self.forms.set_field_error(key, "")
        if touch:
            self._touched.add(key)
        self._timer.start()
        self.changed.emit()

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._timer.start()

    def _relevant(self, key: str) -> bool:
        return key in self._touched or any(k in self._touched for k in self._related.get(key, ()))

    def live_check(self) -> None:
        """Show or clear the messages of the fields the user has been in (the check as you type)."""
        self._timer.stop()
        errors = self.check()
        for key in sorted(set(errors) | self._live):
            if key in self._service or not self._relevant(key):
                continue
            message = errors.get(key, "")
            if self.forms.can_show(key) and self.forms.error_text(key) != message:
                self.forms.set_field_error(key, message)
            if message:
                self._live.add(key)
            else:
                self._live.discard(key)

    def _secondary_drug_changed(self, rank: int, code: str) -> None:
        if not code:
            prefix = substance_prefix(rank)
            for part in SUBSTANCE_PARTS[1:]:
                widget = self._widgets[f"{prefix}_{part}"]
                if isinstance(widget, CodeCombo):
                    widget.set_code("")
                elif isinstance(widget, QLineEdit):
                    widget.clear()
        self._enable_secondary()

    def _enable_secondary(self, *_busy: object) -> None:
        """Route, frequency and age of a secondary substance only once its drug is chosen."""
        if self.forms.busy:
            return
        for rank in SUBSTANCE_RANKS[1:]:
            prefix = substance_prefix(rank)
            chosen = bool(self.value(f"{prefix}_drug"))
            for part in SUBSTANCE_PARTS[1:]:
                self._widgets[f"{prefix}_{part}"].setEnabled(chosen)

    # --- saving -------------------------------------------------------------------------------------
    def submit(self, on_done: Callable[[Any], object],
               on_error: Callable[[ContinuumError], object] | None = None) -> bool:
        """Check, then save through the service; ``on_done(result)`` after it committed.

        A new client gives an ``intake.IntakeResult``, an episode's assessment an
        ``episodes.IntakeRecord``, a client's details the ``clients.ClientRecord``.  False
        (and nothing saved) when a local check failed.
        """
        if self.client is not None:
            task = self.session.call(clients.update_client, self.client.id, self.client_details())
        elif self.episode is None:
            task = self.session.call(intake.register_client, self.client_details(), self.episode_details(),
                                     self.intake_details(), self.consents(), self.barc10_answers())
        else:
            task = self.session.call(episodes.record_intake, self.episode.id, self.intake_details())
        self._timer.stop()
        self._touched = set(self._widgets)
        self._service.clear()

        def failed(exc: ContinuumError) -> None:
            if isinstance(exc, ValidationError):
                self._live.clear()
                self._service = {key for key in exc.errors if self.forms.can_show(key)}
            if on_error is not None:
                on_error(exc)

        def saved(result: Any) -> None:
            self._initial = self.snapshot()
            on_done(result)

        started = self.forms.submit(self.session.runner, task, saved, failed)
        if not started:
            self._live = {key for key in self.check()}
        return started


def button_row(intake_form: IntakeForm, parent: QWidget, save: Callable[[], object], cancel: Callable[[], object],
               save_text: str | None = None,
               save_tip: str | None = None) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """The general error line and Save / Cancel under an intake form (disabled while it saves).

    ``save_text`` and ``save_tip`` name the Save button and its tooltip (default: the intake's).
    """
    save_button = QPushButton(save_text or QCoreApplication.translate("Intake", "&Save intake"), parent)
    save_button.setToolTip(save_tip or QCoreApplication.translate("Intake", "Save the intake (Ctrl+S)"))
    cancel_button = QPushButton(QCoreApplication.translate("Intake", "Cancel"), parent)
    for button in (save_button, cancel_button):
        button.setAutoDefault(False)  # Enter in a field must not save a half-typed intake
        intake_form.forms.add_action(button)
    save_button.clicked.connect(save)
    cancel_button.clicked.connect(cancel)
    row = QHBoxLayout()
    row.addWidget(intake_form.forms.general_error, 1)
    row.addStretch(1)
    row.addWidget(save_button)
    row.addWidget(cancel_button)
    return row, save_button, cancel_button


def _ask_discard(parent: QWidget, discard: Callable[[], object]) -> None:
    """Ask before throwing away a typed intake; ``discard`` runs only if the user agrees."""
    confirm(parent, QCoreApplication.translate("Intake", "Discard this intake?"),
            QCoreApplication.translate("Intake", "The intake has not been saved. Close it and lose what was typed?"),
            QCoreApplication.translate("Intake", "Discard intake"), discard)


# =====================================================================================
# New client
# =====================================================================================


class NewIntakeDialog(QDialog):
    """The intake of a new client; ``created`` carries the new client's id after the save."""

    created = Signal(int)

    def __init__(self, parent: QWidget | None, session: Session) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New client: intake"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intake = IntakeForm(session, self)
        buttons, self.save_button, self.cancel_button = button_row(self.intake, self, self.save, self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intake, 1)
        layout.addLayout(buttons)
        available = self.screen().availableGeometry()
        self.resize(min(980, int(available.width() * 0.9)), min(860, int(available.height() * 0.9)))

    def save(self) -> None:
        if not self.intake.forms.busy:
            self.intake.submit(self._saved)

    def _saved(self, result: IntakeResult) -> None:
        self.created.emit(result.client_id)
        self.accept()

    def reject(self) -> None:
        if self.intake.forms.busy:
            return  # the save is running: its answer must still arrive here
        if self.intake.has_unsaved_changes():
            _ask_discard(self, lambda: QDialog.reject(self))
            return
        super().reject()


def open_new_intake(parent: QWidget, session: Session, on_created: Callable[[int], object]) -> None:
    """Show the intake form for a new client; ``on_created(client_id)`` once it is saved.

    The client, the first episode, the assessment, the consents and the BARC-10 are
    written in one transaction (``services.intake.register_client``).  The dialog is
    window-modal and opened without a nested event loop.
    """
    dialog = NewIntakeDialog(parent, session)
    dialog.created.connect(on_created)
    dialog.open()


# =====================================================================================
# The tab
# =====================================================================================


def _value_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text or "—", parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Section(QGroupBox):
    """A read-only section: label and value per row."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.rows = QFormLayout(self)
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add(self, label: str, value: str) -> None:
        """One row; ``label`` as the form shows it (a colon is added unless it ends a sentence)."""
        caption = plain_label(label)
        self.rows.addRow(QLabel(caption if caption.endswith((".", "?")) else caption + ":", self),
                         _value_label(value, self))


class IntakeView(QWidget):
    """The intake of one episode as recorded (personal details, consents, episode, assessment, BARC-10)."""

    def __init__(self, record: ClientRecord, episode: EpisodeRecord, barc10: Barc10Result | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = ui_language()
        self._column = QVBoxLayout(self)
        self._column.setSpacing(12)
        self._person(record)
        self._consents(record)
        self._episode(episode)
        if episode.intake is None:
            self.no_intake = QLabel(self.tr("No intake assessment was recorded for this episode of care."), self)
            self.no_intake.setProperty("kind", "note")
            self.no_intake.setWordWrap(True)
            self._column.addWidget(self.no_intake)
        else:
            self._assessment(episode.intake, record.date_of_birth)
            self._barc10(barc10)
        self._column.addStretch(1)

    def _code(self, field: str, code: str) -> str:
        return _CODED[field].label(code, self.lang)

    def _section(self, title: str) -> _Section:
        section = _Section(title, self)
        self._column.addWidget(section)
        return section

    def _person(self, record: ClientRecord) -> None:
        s = self._section(title_of("person"))
        s.add(self.tr("Client code"), record.code)
        s.add(label_of("given_names"), record.given_names)
        s.add(label_of("family_name"), record.family_name)
        s.add(label_of("date_of_birth"), self.tr("{day} (age {age})").format(
            day=show_date(record.date_of_birth), age=age_on(record.date_of_birth, date.today())))
        for key, _list in CLIENT_CODED_FIELDS:
            s.add(label_of(key), self._code(key, getattr(record, key)))
        s.add(label_of("phone"), record.phone)
        s.add(label_of("email"), record.email)
        s.add(label_of("address"), record.address)
        s.add(label_of("counsellor_id"), record.counsellor_name or title_of("not_assigned"))

    def _consents(self, record: ClientRecord) -> None:
        s = self._section(title_of("consent"))
        if not record.consents:
            s.rows.addRow(_value_label(self.tr("No consent is recorded."), s))
        for consent in record.consents:
            text = self.tr("Given {day}").format(day=show_date(consent.given_on))
            if consent.withdrawn_on is not None:
                text += self.tr("; withdrawn {day}").format(day=show_date(consent.withdrawn_on))
            if consent.scope:
                text += "\n" + consent.scope
            s.add(codes.CONSENT_KIND.label(consent.kind, self.lang), text)

    def _episode(self, episode: EpisodeRecord) -> None:
        s = self._section(title_of("episode"))
        s.add(label_of("admission_date"), show_date(episode.admission_date))
        for key, _list in EPISODE_CODED_FIELDS:
            s.add(label_of(key), self._code(key, getattr(episode, key)))
        status = codes.EPISODE_STATUS.label(episode.status, self.lang)
        if episode.discharge_date is not None:
            status = self.tr("{status} on {day}").format(status=status, day=show_date(episode.discharge_date))
        s.add(self.tr("Status"), status)

    def _assessment(self, assessment: IntakeRecord, date_of_birth: date) -> None:
        s = self._section(title_of("assessment"))
        s.add(label_of("assessed_on"), self.tr("{day} (age {age})").format(
            day=show_date(assessment.assessed_on), age=age_on(date_of_birth, assessment.assessed_on)))
        box = QGroupBox(title_of("substances"), self)
        grid = QGridLayout(box)
        titles = ("", plain_label(_t(_LABELS["drug"])), plain_label(_t(_LABELS["route"])),
                  plain_label(_t(_LABELS["frequency"])), plain_label(_t(_LABELS["age_first_use"])))
        for column, title in enumerate(titles):
            header = QLabel(title, box)
            header.setProperty("kind", "hint")
            grid.addWidget(header, 0, column)
        for row, substance in enumerate(assessment.substances, start=1):
            for column, text in enumerate(self._substance_cells(substance)):
                grid.addWidget(_value_label(text, box), row, column)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 2)
        self._column.addWidget(box)
        s = self._section(title_of("living"))
        for key in ("living_with", "housing", "living_with_children", "has_children"):
            s.add(label_of(key), self._code(key, getattr(assessment, key)))
        children = assessment.number_of_children
        s.add(label_of("number_of_children"), "" if children is None else str(children))
        s = self._section(title_of("employment"))
        for key in ("labour_status", "education"):
            s.add(label_of(key), self._code(key, getattr(assessment, key)))
        s.add(label_of("legal_situation"), assessment.legal_situation)
        s = self._section(title_of("health"))
        for key in ("injecting", "opioid_substitution", "tested_hiv", "tested_hcv", "tested_hbv"):
            s.add(label_of(key), self._code(key, getattr(assessment, key)))
        for key in ("physical_health", "mental_health", "risks"):
            s.add(label_of(key), getattr(assessment, key))
        self._section(title_of("notes")).add(label_of("notes"), assessment.notes)

    def _substance_cells(self, s: SubstanceRecord) -> tuple[str, ...]:
        return (substance_heading(s.rank), codes.DRUG.label(s.drug, self.lang), codes.ROUTE.label(s.route, self.lang),
                codes.FREQUENCY.label(s.frequency, self.lang), "" if s.age_first_use is None else str(s.age_first_use))

    def _barc10(self, result: Barc10Result | None) -> None:
        s = self._section(title_of("barc10"))
        if result is None:
            s.rows.addRow(_value_label(self.tr("No BARC-10 was taken at intake."), s))
            return
        for number, (item, points) in enumerate(result.scores, start=1):
            answer = codes.BARC10_SCALE.items[points - 1].label(self.lang)
            s.add(f"{number}. {codes.BARC10_ITEM.label(item, self.lang)}", f"{points} · {answer}")
        s.add(self.tr("Total"), self.tr("{total} of {maximum}").format(total=result.total,
                                                                      maximum=codes.BARC10_MAX_TOTAL))


class IntakeTab(RecordTab):
    """The intake of the open (else latest) episode, read-only; records a missing assessment."""

    key = "intake"
    title = QT_TRANSLATE_NOOP("ClientRecord", "Intake")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.record: ClientRecord | None = None
        self.barc10: tuple[Barc10Result, ...] = ()
        self.editor: IntakeForm | None = None
        self._editor_page: QWidget | None = None

        self.episode_choice = QComboBox(self)
        # as wide as the row allows, not as its longest episode: a long programme name must not widen the window
        self.episode_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.episode_choice.setMinimumContentsLength(24)
        choice_label = QLabel(self.tr("&Episode of care:"), self)
        choice_label.setBuddy(self.episode_choice)
        self.episode_choice.setAccessibleName(plain_label(choice_label.text()))
        self.episode_choice.currentIndexChanged.connect(self._show_episode)
        self.record_button = QPushButton(self.tr("&Record intake…"), self)
        self.record_button.clicked.connect(self.start_recording)
        self.status = message_label("error", self)
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.episode_choice, 1)
        top.addWidget(self.record_button)

        self.view_area = QScrollArea(self)
        self.view_area.setWidgetResizable(True)
        self.view_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view_area)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self._show_episode()

    # --- loading ---------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        super().load(client_id)
        self._close_editor()
        set_message(self.status, "")
        runner, call = self.session.runner, self.session.call
        runner.run_db(call(clients.get_client, client_id), functools.partial(self._client_loaded, client_id),
                      self._load_failed)
        runner.run_db(call(assessments.barc10_series, client_id), functools.partial(self._barc10_loaded, client_id),
                      self._load_failed)

    def _load_failed(self, exc: ContinuumError) -> None:
        set_message(self.status, error_text(exc))

    def _client_loaded(self, client_id: int, record: ClientRecord) -> None:
        if client_id != self.client_id:
            return  # another client was opened meanwhile
        self.record = record
        current = record.open_episode or (record.episodes[-1] if record.episodes else None)
        self.episode_choice.blockSignals(True)
        self.episode_choice.clear()
        lang = ui_language()
        for episode in reversed(record.episodes):
            text = self.tr("Admitted {day} · {programme} · {status}").format(
                day=show_date(episode.admission_date), programme=codes.PROGRAMME.label(episode.programme, lang),
                status=codes.EPISODE_STATUS.label(episode.status, lang))
            self.episode_choice.addItem(text, episode.id)
        if current is not None:
            self.episode_choice.setCurrentIndex(self.episode_choice.findData(current.id))
        self.episode_choice.blockSignals(False)
        self._show_episode()

    def _barc10_loaded(self, client_id: int, series: tuple[Barc10Result, ...]) -> None:
        if client_id == self.client_id:
            self.barc10 = series
            self._show_episode()

    def selected_episode(self) -> EpisodeRecord | None:
        if self.record is None:
            return None
        chosen = self.episode_choice.currentData()
        return next((e for e in self.record.episodes if e.id == chosen), None)

    def _show_episode(self) -> None:
        episode = self.selected_episode()
        self.episode_choice.setEnabled(self.editor is None)
        self.record_button.setVisible(episode is not None and episode.intake is None and self.editor is None)
        if self.record is None or episode is None:
            empty = QLabel(self.tr("This client has no episode of care.") if self.record else "", self)
            self.view_area.setWidget(empty)
            return
        barc10 = next((r for r in self.barc10 if r.episode_id == episode.id and r.context == assessments.INTAKE), None)
        self.view_area.setWidget(IntakeView(self.record, episode, barc10))

    # --- recording a missing assessment -----------------------------------------------------------
    def start_recording(self) -> IntakeForm | None:
        """Show the assessment form for the chosen episode (which has none yet)."""
        episode = self.selected_episode()
        if self.record is None or episode is None or episode.intake is not None or self.editor is not None:
            return None
        page = QWidget(self.stack)
        self.editor = IntakeForm(self.session, page, episode=episode, date_of_birth=self.record.date_of_birth)
        self.editor.changed.connect(lambda: self.dirty_changed.emit(self.has_unsaved_changes()))
        buttons, _save, _cancel = button_row(self.editor, page, lambda: self.save(lambda _ok: None),
                                             self._cancel_recording)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        self._editor_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._show_episode()
        self.editor.field("assessed_on").setFocus()
        return self.editor

    def _cancel_recording(self) -> None:
        if self.editor is not None and self.editor.has_unsaved_changes():
            _ask_discard(self, self.discard_changes)
        else:
            self.discard_changes()

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        assert self._editor_page is not None
        self.stack.setCurrentWidget(self.view_area)
        self.stack.removeWidget(self._editor_page)
        self._editor_page.deleteLater()
        self.editor, self._editor_page = None, None
        self._show_episode()
        self.dirty_changed.emit(False)

    # --- RecordTab ------------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.editor is not None and self.editor.has_unsaved_changes()

    def save(self, on_done: Callable[[bool], object]) -> None:
        if self.editor is None:
            on_done(True)
            return
        if self.editor.forms.busy:
            on_done(False)  # a save is already running
            return

        def saved(_result: object) -> None:
            self._close_editor()
            self.record_changed.emit()
            if self.client_id is not None:
                self.load(self.client_id)
            on_done(True)

        if not self.editor.submit(saved, lambda _exc: on_done(False)):
            on_done(False)

    def discard_changes(self) -> None:
        self._close_editor()
