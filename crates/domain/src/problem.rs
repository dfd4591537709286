//! The error body of every failed request: RFC 9457 `application/problem+json`.

use serde::{Deserialize, Serialize};

/// A problem detail. `code` is stable and meant for programs; `title` and `detail` for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the problem type (`https://partnerhub.example/problems/<code>`).
    #[serde(rename = "type")]
    pub type_: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// A stable, machine-readable code, e.g. `validation_failed`, `version_mismatch`.
    pub code: ErrorCode,
    /// Per-field errors (on 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// On 409 `possible_duplicate`: the existing records that look the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<crate::organization::DuplicateCandidate>,
    /// The request id, to quote when reporting the problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

wire_enum!(
    /// Every `code` a problem can carry: a closed set, so clients match on it. A new failure
    /// gets a new variant (and its Spanish text in [`ErrorCode::spanish`]).
    ErrorCode {
        /// 400: the body or query could not be parsed.
        BadRequest => "bad_request",
        /// 401: no valid credentials (sign in again).
        Unauthorized => "unauthorized",
        /// 403: signed in but not allowed.
        Forbidden => "forbidden",
        /// 403: the password was set by someone else and must be changed first.
        PasswordChangeRequired => "password_change_required",
        /// 404: no such record, or not visible to the caller.
        NotFound => "not_found",
        /// 405: the path exists but not for this method.
        MethodNotAllowed => "method_not_allowed",
        /// 410: a resume link that expired; ask for a fresh one.
        LinkExpired => "link_expired",
        /// 409: a record with the same unique value exists.
        Duplicate => "duplicate",
        /// 409: organizations that look the same exist; confirm to create anyway.
        PossibleDuplicate => "possible_duplicate",
        /// 409: the status change is not allowed from the current status.
        InvalidTransition => "invalid_transition",
        /// 409: the application is not at the step this answer belongs to.
        WrongStep => "wrong_step",
        /// 409: the application was sent and can no longer be edited by the applicant.
        NotEditable => "not_editable",
        /// 409: the application is closed.
        ApplicationClosed => "application_closed",
        /// 409: no formal agreement is waived for this application.
        AgreementNotWaived => "agreement_not_waived",
        /// 409: the formal processes are set once formalizing starts.
        TooLate => "too_late",
        /// 409: the application has no possible match waiting for a decision.
        NoMatchPending => "no_match_pending",
        /// 409: an eligibility criterion is not confirmed yet.
        CriteriaNotMet => "criteria_not_met",
        /// 409: an applicable planning item is not done yet.
        PlanningIncomplete => "planning_incomplete",
        /// 409: a formal process is not done (or not needed) yet.
        SubtasksOpen => "subtasks_open",
        /// 409: a possible match with an existing organization awaits a decision.
        OrganizationMatchPending => "organization_match_pending",
        /// 409: an agreement can only come from an approved application.
        ApplicationNotApproved => "application_not_approved",
        /// 409: the terms can only change in draft or in review.
        AgreementLocked => "agreement_locked",
        /// 409: dates or deliverables are missing.
        AgreementIncomplete => "agreement_incomplete",
        /// 409: the agreement is not waiting for signatures.
        NotAwaitingSignatures => "not_awaiting_signatures",
        /// 409: this party has signed already.
        AlreadySigned => "already_signed",
        /// 409: the file cannot change once signatures are requested.
        DocumentLocked => "document_locked",
        /// 409: a final report can be sent once the agreement has been in force.
        NotStarted => "not_started",
        /// 409: the final report has been accepted already.
        FinalReportAccepted => "final_report_accepted",
        /// 409: there is no submitted final report to review.
        NoFinalReport => "no_final_report",
        /// 409: the contact already has a login.
        AlreadyHasLogin => "already_has_login",
        /// 409: nobody can change their own role.
        OwnRole => "own_role",
        /// 409: nobody can deactivate their own account.
        OwnAccount => "own_account",
        /// 409: the opportunity was cancelled.
        OpportunityCancelled => "opportunity_cancelled",
        /// 409: more volunteers hold a slot than the new number of slots.
        SlotsBelowConfirmed => "slots_below_confirmed",
        /// 409: the opportunity has already taken place.
        OpportunityPast => "opportunity_past",
        /// 409: another need of the school and year holds this rank.
        RankTaken => "rank_taken",
        /// 409: the volunteer is signed up already.
        AlreadySignedUp => "already_signed_up",
        /// 409: the volunteer is checked in already.
        AlreadyCheckedIn => "already_checked_in",
        /// 409: the volunteer is not checked in anywhere.
        NotCheckedIn => "not_checked_in",
        /// 409: the visit is still open; check out before correcting it.
        VisitOpen => "visit_open",
        /// 409: the hour entry was corrected already; correct the newest entry.
        AlreadyCorrected => "already_corrected",
        /// 409: an hour entry was corrected or decided meanwhile.
        NotPending => "not_pending",
        /// 409: the volunteer profile has ended.
        VolunteerEnded => "volunteer_ended",
        /// 409: the volunteer profile has ended already.
        VolunteerAlreadyEnded => "volunteer_already_ended",
        /// 409: the volunteer profile has not ended.
        VolunteerNotEnded => "volunteer_not_ended",
        /// 409: the volunteer is checked in right now.
        CheckedIn => "checked_in",
        /// 409: both profiles are checked in right now.
        BothCheckedIn => "both_checked_in",
        /// 409: the volunteer's clearance is still being reviewed.
        ClearancePending => "clearance_pending",
        /// 409: the volunteer's clearance was not approved.
        ClearanceDenied => "clearance_denied",
        /// 409: the volunteer's clearance has expired.
        ClearanceExpired => "clearance_expired",
        /// 409: the opportunity needs a clearance the volunteer does not have.
        ClearanceMissing => "clearance_missing",
        /// 412: If-Match names an old version; reload and apply the change again.
        VersionMismatch => "version_mismatch",
        /// 413: the body is too large.
        PayloadTooLarge => "payload_too_large",
        /// 415: wrong content type.
        UnsupportedMediaType => "unsupported_media_type",
        /// 422: the request parsed but some fields are invalid (see `errors`).
        ValidationFailed => "validation_failed",
        /// 428: an update without If-Match.
        PreconditionRequired => "precondition_required",
        /// 429: too many attempts; wait for Retry-After seconds.
        RateLimited => "rate_limited",
        /// 500: a bug or an outage; logged with the request id.
        Internal => "internal",
        /// 503: a dependency (the database) is down.
        Unavailable => "unavailable",
    }
);

impl ErrorCode {
    /// What the code means, in Spanish: shown when the server's detail has no translation.
    pub fn spanish(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "La solicitud no se pudo leer; revise los datos enviados.",
            ErrorCode::Unauthorized => "Su sesión no es válida; inicie sesión de nuevo.",
            ErrorCode::Forbidden => "No tiene permiso para hacer esto.",
            ErrorCode::PasswordChangeRequired => {
                "Elija su propia contraseña primero: la que usó fue asignada por otra persona."
            }
            ErrorCode::NotFound => "No se encontró el registro.",
            ErrorCode::MethodNotAllowed => "Esta operación no está disponible aquí.",
            ErrorCode::LinkExpired => {
                "Este enlace venció; pida uno nuevo con su correo electrónico."
            }
            ErrorCode::Duplicate => "Ya existe un registro con este valor.",
            ErrorCode::PossibleDuplicate => {
                "Ya existen organizaciones parecidas; revíselas o confirme para crear esta de todos modos."
            }
            ErrorCode::InvalidTransition => {
                "Este cambio de estado no es posible desde el estado actual."
            }
            ErrorCode::WrongStep => {
                "La solicitud no está en el paso al que corresponde esta respuesta."
            }
            ErrorCode::NotEditable => {
                "La solicitud ya se envió; la oficina se comunicará con usted."
            }
            ErrorCode::ApplicationClosed => {
                "Esta solicitud está cerrada; ya no se puede responder ni retirar."
            }
            ErrorCode::AgreementNotWaived => {
                "No se eximió ningún acuerdo formal para esta solicitud."
            }
            ErrorCode::TooLate => {
                "Los procesos formales quedan fijados cuando empieza la formalización."
            }
            ErrorCode::NoMatchPending => {
                "Esta solicitud no tiene una posible coincidencia pendiente."
            }
            ErrorCode::CriteriaNotMet => {
                "Primero deben confirmarse todos los criterios de elegibilidad."
            }
            ErrorCode::PlanningIncomplete => {
                "Primero deben completarse todos los puntos de planificación que aplican."
            }
            ErrorCode::SubtasksOpen => {
                "Primero deben completarse todos los procesos formales (o marcarse como innecesarios)."
            }
            ErrorCode::OrganizationMatchPending => {
                "Confirme la posible coincidencia con una organización existente, o cree una nueva, antes de aprobar."
            }
            ErrorCode::ApplicationNotApproved => {
                "Un acuerdo solo puede surgir de una solicitud aprobada."
            }
            ErrorCode::AgreementLocked => {
                "Los términos solo pueden cambiar en borrador o en revisión."
            }
            ErrorCode::AgreementIncomplete => {
                "Faltan las fechas o al menos un compromiso del acuerdo."
            }
            ErrorCode::NotAwaitingSignatures => "Este acuerdo no está esperando firmas.",
            ErrorCode::AlreadySigned => "Esta parte ya firmó.",
            ErrorCode::DocumentLocked => {
                "El archivo no puede cambiar una vez solicitadas las firmas."
            }
            ErrorCode::NotStarted => {
                "El informe final se puede enviar cuando el acuerdo haya estado vigente."
            }
            ErrorCode::FinalReportAccepted => "El informe final ya fue aceptado.",
            ErrorCode::NoFinalReport => "No hay un informe final enviado para revisar.",
            ErrorCode::AlreadyHasLogin => "Este contacto ya tiene acceso.",
            ErrorCode::OwnRole => "No puede cambiar su propio rol.",
            ErrorCode::OwnAccount => "No puede desactivar su propia cuenta.",
            ErrorCode::OpportunityCancelled => "Esta oportunidad fue cancelada.",
            ErrorCode::RankTaken => {
                "Otra necesidad de esta escuela y este año escolar ya tiene esa prioridad."
            }
            ErrorCode::SlotsBelowConfirmed => {
                "Hay más voluntarios inscritos que cupos; cancele inscripciones antes de reducir los cupos."
            }
            ErrorCode::OpportunityPast => "Esta oportunidad ya tuvo lugar.",
            ErrorCode::AlreadySignedUp => "Ya está inscrito en esta oportunidad.",
            ErrorCode::AlreadyCheckedIn => "Ya registró su llegada. Registre primero su salida.",
            ErrorCode::NotCheckedIn => "No tiene registrada una llegada en ningún lugar.",
            ErrorCode::VisitOpen => {
                "Esta visita sigue abierta; registre la salida antes de corregirla."
            }
            ErrorCode::AlreadyCorrected => {
                "Esta entrada ya se corrigió; corrija la entrada más reciente."
            }
            ErrorCode::NotPending => {
                "Una entrada de horas se corrigió o se decidió mientras tanto."
            }
            ErrorCode::VolunteerEnded => {
                "Este perfil de voluntario está cerrado. El personal de la oficina puede reactivarlo."
            }
            ErrorCode::VolunteerAlreadyEnded => "Este perfil de voluntario ya está cerrado.",
            ErrorCode::VolunteerNotEnded => "Este perfil de voluntario no está cerrado.",
            ErrorCode::CheckedIn => {
                "El voluntario tiene registrada su llegada en este momento; registre primero su salida."
            }
            ErrorCode::BothCheckedIn => {
                "Ambos perfiles tienen registrada su llegada; registre la salida de uno primero."
            }
            ErrorCode::ClearancePending => {
                "Su autorización todavía está en revisión. Podrá inscribirse cuando se apruebe."
            }
            ErrorCode::ClearanceDenied => {
                "Su autorización no fue aprobada. Comuníquese con la oficina de voluntarios para hablarlo."
            }
            ErrorCode::ClearanceExpired => {
                "Su autorización venció. Renueve su registro de voluntario para volver a inscribirse."
            }
            ErrorCode::ClearanceMissing => {
                "Esta oportunidad requiere una autorización de voluntario. Complete primero su registro de voluntario."
            }
            ErrorCode::VersionMismatch => {
                "Otra persona cambió el registro; vuelva a cargarlo y aplique su cambio de nuevo."
            }
            ErrorCode::PayloadTooLarge => "El contenido enviado es demasiado grande.",
            ErrorCode::UnsupportedMediaType => "El tipo de contenido no es compatible.",
            ErrorCode::ValidationFailed => "Algunos campos no son válidos.",
            ErrorCode::PreconditionRequired => {
                "Falta If-Match: envíe la ETag que leyó para no perder cambios de nadie."
            }
            ErrorCode::RateLimited => "Demasiados intentos; vuelva a intentarlo en unos momentos.",
            ErrorCode::Internal => "Algo salió mal de nuestro lado. Quedó registrado.",
            ErrorCode::Unavailable => "El servicio no está disponible en este momento.",
        }
    }
}

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as sent (`name`, `address.city`, or `line 4: code` for imports).
    pub field: String,
    /// A stable code for the rule that failed (`required`, `length`, `duplicate`).
    pub code: String,
    /// A message for people.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// The Spanish text of a message this API sends about a field, when it has one (the public
/// application form's rules and the shared ones); `None` for anything else.
pub fn spanish(message: &str) -> Option<String> {
    if let Some(n) = message
        .strip_prefix("Use at most ")
        .and_then(|r| r.strip_suffix(" characters."))
    {
        return Some(format!("Use como máximo {n} caracteres."));
    }
    if let Some(n) = message
        .strip_prefix("More than ")
        .and_then(|r| r.strip_suffix(" rows match: narrow the filters (school, status, dates)."))
    {
        return Some(format!(
            "Coinciden más de {n} filas: limite los filtros (escuela, estado, fechas)."
        ));
    }
    if let Some(n) = message
        .strip_prefix("Use a page size from 1 to ")
        .and_then(|r| r.strip_suffix('.'))
    {
        return Some(format!("Use un tamaño de página de 1 a {n}."));
    }
    if let Some(field) = message.strip_suffix(" is required.") {
        return Some(format!("Falta el campo obligatorio {field}."));
    }
    let es = match message {
        "Some fields are invalid." => "Algunos campos no son válidos.",
        "This link has expired; ask for a new one with your email" => {
            "Este enlace venció; pida uno nuevo con su correo electrónico"
        }
        "Use 0 to 3650 days." => "Use de 0 a 3650 días.",
        "Use a number of events from 1 to 500." => "Use un número de eventos de 1 a 500.",
        "Enter your current password." => "Escriba su contraseña actual.",
        "The current password is not correct." => "La contraseña actual no es correcta.",
        "Choose a password different from the current one." => {
            "Elija una contraseña distinta de la actual."
        }
        "This volunteer profile has ended. Office staff can reinstate it." => {
            "Este perfil de voluntario está cerrado. El personal de la oficina puede reactivarlo."
        }
        "This volunteer profile has ended already." => "Este perfil de voluntario ya está cerrado.",
        "This volunteer profile has not ended." => "Este perfil de voluntario no está cerrado.",
        "The volunteer is checked in right now; check them out first." => {
            "El voluntario tiene registrada su llegada en este momento; registre primero su salida."
        }
        "Choose today or an earlier day." => "Elija hoy o un día anterior.",
        "Choose a day on or after the day they took their current role." => {
            "Elija el día en que asumió su cargo actual o uno posterior."
        }
        "Choose a day on or after the day they registered." => {
            "Elija el día en que se registró o uno posterior."
        }
        "Say why the profile ends (3 to 500 characters)." => {
            "Diga por qué se cierra el perfil (de 3 a 500 caracteres)."
        }
        "Say why the profile is reinstated (3 to 500 characters)." => {
            "Diga por qué se reactiva el perfil (de 3 a 500 caracteres)."
        }
        "Enter a value between $1.00 and $1,000.00." => "Escriba un valor entre $1.00 y $1,000.00.",
        "Say why these are the same person (at most 500 characters)." => {
            "Indique por qué son la misma persona (como máximo 500 caracteres)."
        }
        "Choose another profile: a profile cannot be merged into itself." => {
            "Elija otro perfil: un perfil no puede combinarse consigo mismo."
        }
        "Say what makes them a parent leader, for example PTA officer." => {
            "Indique qué lo hace líder de padres, por ejemplo miembro de la directiva de la PTA."
        }
        "Some answers are missing or invalid." => "Faltan algunas respuestas o no son válidas.",
        "This answer contradicts the declared tax status: correct one or the other." => {
            "Esta respuesta contradice la situación fiscal declarada: corrija una de las dos."
        }
        "One or more schools do not exist." => "Una o más escuelas no existen.",
        "Enter the organization's legal name." => "Escriba el nombre legal de la organización.",
        "Enter your name." => "Escriba su nombre.",
        "Enter a valid email address." => "Escriba un correo electrónico válido.",
        "Name the program or service." => "Escriba el nombre del programa o servicio.",
        "Describe the program (10 to 4000 characters)." => {
            "Describa el programa (de 10 a 4000 caracteres)."
        }
        "Choose at least one support area." => "Elija al menos un área de apoyo.",
        "Choose at least one kind of contribution." => "Elija al menos un tipo de contribución.",
        "Say whether this is a one-time event or an ongoing commitment." => {
            "Indique si es un evento único o un compromiso continuo."
        }
        "Name at least one school or department to serve." => {
            "Indique al menos una escuela o un departamento."
        }
        "Give the estimated value of the cash or in-kind donation." => {
            "Indique el valor estimado de la donación en efectivo o en especie."
        }
        "The last day comes before the first day." => "El último día es anterior al primer día.",
        "Enter the EIN as 12-3456789." => "Escriba el EIN así: 12-3456789.",
        "Enter a web address like https://example.org." => {
            "Escriba una dirección web como https://example.org."
        }
        "Enter a phone number like 704-555-0100." => {
            "Escriba un número de teléfono como 704-555-0100."
        }
        "Your clearance is still being reviewed. You can sign up once it is cleared." => {
            "Su autorización todavía está en revisión. Podrá inscribirse cuando se apruebe."
        }
        "Your clearance was not approved. Contact the volunteer office to talk about it." => {
            "Su autorización no fue aprobada. Comuníquese con la oficina de voluntarios para hablarlo."
        }
        "Your clearance has expired. Renew your volunteer registration to sign up again." => {
            "Su autorización venció. Renueve su registro de voluntario para volver a inscribirse."
        }
        "This opportunity needs a volunteer clearance. Complete your volunteer registration first." => {
            "Esta oportunidad requiere una autorización de voluntario. Complete primero su registro de voluntario."
        }
        "You are already signed up for this opportunity." => {
            "Ya está inscrito en esta oportunidad."
        }
        "This opportunity has already taken place." => "Esta oportunidad ya tuvo lugar.",
        "Choose the partner organization you volunteer with." => {
            "Elija la organización asociada con la que es voluntario."
        }
        "Choose at least one school." => "Elija al menos una escuela.",
        "Use at least 12 characters." => "Use al menos 12 caracteres.",
        "Say why the badge is revoked (3 to 500 characters)." => {
            "Indique por qué se revoca la credencial (de 3 a 500 caracteres)."
        }
        "Give the volunteer's name (a name column, or first_name and last_name)." => {
            "Indique el nombre del voluntario (una columna de nombre, o nombre de pila y apellido)."
        }
        "Use parent, community, partner, college student or employee." => {
            "Use padre, comunidad, socio, estudiante universitario o empleado."
        }
        "Use en or es." => "Use en o es.",
        "Give at least one school code (separate several with ;)." => {
            "Indique al menos un código de escuela (separe varios con ;)."
        }
        "Write the day as 2026-03-14 or 3/14/2026." => {
            "Escriba el día como 2026-03-14 o 3/14/2026."
        }
        "A clearance needs both the day it was cleared and the day it expires." => {
            "Una autorización necesita el día en que se otorgó y el día en que vence."
        }
        "Partner-affiliated volunteers need their partner organization's name." => {
            "Los voluntarios de una organización asociada necesitan el nombre de la organización."
        }
        "No partner organization has this name." => {
            "Ninguna organización asociada tiene este nombre."
        }
        "This email belongs to a staff or partner account; use another email for the volunteer." => {
            "Este correo pertenece a una cuenta del personal o de un socio; use otro correo para el voluntario."
        }
        "Give the volunteer's email." => "Indique el correo del voluntario.",
        "Give the school's code." => "Indique el código de la escuela.",
        "The day cannot be in the future." => "El día no puede estar en el futuro.",
        "Use an activity PartnerHub knows (for example tutor, mentor, chaperone)." => {
            "Use una actividad que PartnerHub conozca (por ejemplo tutor, mentor, chaperone)."
        }
        "Give how long: hours (like 1.5) or minutes (like 90), at most 24 hours." => {
            "Indique la duración: horas (como 1.5) o minutos (como 90), como máximo 24 horas."
        }
        "No volunteer has this email; import the roster first." => {
            "Ningún voluntario tiene este correo; importe primero la lista de voluntarios."
        }
        "Choose a month from 1 (January) to 12 (December)." => {
            "Elija un mes del 1 (enero) al 12 (diciembre)."
        }
        "This link is incomplete; open it again from the email." => {
            "Este enlace está incompleto; ábralo de nuevo desde el correo."
        }
        "This link has expired or was already used. Ask for a new one." => {
            "Este enlace venció o ya se usó. Pida uno nuevo."
        }
        "Describe the need." => "Describa la necesidad.",
        "Enter a rank from 1 to 20." => "Indique una prioridad del 1 al 20.",
        "Enter a number from 1 to 10,000,000." => "Indique un número del 1 al 10,000,000.",
        "Enter a school year between 2000 and 2100." => "Indique un año escolar entre 2000 y 2100.",
        "Help with time is asked in volunteer slots or hours." => {
            "La ayuda con tiempo se pide en cupos de voluntarios o en horas."
        }
        "No such school." => "No existe esa escuela.",
        "No such priority." => "No existe esa prioridad del plan.",
        "This priority is retired; choose an active one." => {
            "Esta prioridad del plan ya no se usa; elija una vigente."
        }
        "A need stays with its school and school year; record a new one instead." => {
            "Una necesidad queda con su escuela y su año escolar; registre una nueva."
        }
        _ => return None,
    };
    Some(es.into())
}

/// Turns `validator` errors into field errors, with messages people can read.
pub fn field_errors(errors: &validator::ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        collect(field, kind, &mut out);
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(field: &str, kind: &validator::ValidationErrorsKind, out: &mut Vec<FieldError>) {
    match kind {
        validator::ValidationErrorsKind::Field(errs) => {
            for e in errs {
                let message = e
                    .message
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| format!("{field} is invalid ({})", e.code));
                // A struct-level rule names the field it is about in its code.
                let name = match field.strip_suffix("__all__") {
                    Some(parent) => format!("{parent}{}", e.code),
                    None => field.to_string(),
                };
                out.push(FieldError::new(name, e.code.to_string(), message));
            }
        }
        validator::ValidationErrorsKind::Struct(inner) => {
            for (f, k) in inner.errors() {
                collect(&format!("{field}.{f}"), k, out);
            }
        }
        validator::ValidationErrorsKind::List(items) => {
            for (i, inner) in items {
                for (f, k) in inner.errors() {
                    collect(&format!("{field}[{i}].{f}"), k, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod spanish_tests {
    use super::*;
    use validator::Validate;

    #[test]
    fn every_error_code_has_its_own_spanish_text() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let es = code.spanish();
            assert!(es.len() > 10, "{code}: {es:?}");
            assert!(
                seen.insert(es),
                "{code} shares its Spanish text with another code"
            );
            assert_eq!(ErrorCode::parse(code.as_str()), Some(*code));
            assert_eq!(
                serde_json::to_value(code).ok(),
                Some(serde_json::Value::String(code.as_str().into()))
            );
        }
    }

    #[test]
    fn the_export_cap_reads_in_spanish_with_its_number() {
        assert_eq!(
            spanish("More than 250 rows match: narrow the filters (school, status, dates).")
                .as_deref(),
            Some("Coinciden más de 250 filas: limite los filtros (escuela, estado, fechas).")
        );
    }

    #[test]
    fn every_message_of_the_public_form_has_a_spanish_text() {
        let mut f = crate::application::ApplicationForm::default();
        f.contact.email = "not an email".into();
        f.organization.website = "x".repeat(300);
        let errors = field_errors(&f.validate().unwrap_err());
        assert!(errors.len() >= 4, "{errors:?}");
        for e in errors {
            assert!(
                spanish(&e.message).is_some(),
                "no Spanish for {:?}",
                e.message
            );
        }
        assert_eq!(
            spanish("Use at most 80 characters.").as_deref(),
            Some("Use como máximo 80 caracteres.")
        );
        assert_eq!(spanish("Something new."), None);
    }
}
