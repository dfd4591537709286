//! English and Spanish. Every key must have both texts: the macro makes a missing one a
//! compile error. The choice is remembered in localStorage and set on `<html lang>`.

use domain::Role;
use domain::agreement::{
    AgreementAction, AgreementKind, AgreementStatus, DeliverableStatus, Party, ReportReview,
    Responsible,
};
use domain::application::SubtaskStatus;
use domain::directory::{ResourceCategory, ResourceLanguage};
use domain::donations::{DonationAction, DonationGrouping, DonationKind, DonationStatus};
use domain::hours::HourStatus;
use domain::intake::{
    ApplicationAction, ApplicationStatus, EligibilityCriterion, FormalProcess, OrganizationStatus,
    OrganizationType, PlanningItem, Reason, SupportArea, TaxStatus,
};
use domain::matches::{MatchAction, MatchStatus};
use domain::needs::{AskUnit, HelpKind, NeedAction, NeedStatus, PriorityKind};
use domain::offers::{MatchReason, OfferAction, OfferStatus};
use domain::opportunity::SignupStatus;
use domain::school::{Designation, SchoolLevel, SchoolStatus};
use domain::user::UserStatus;
use domain::volunteer::{ClearanceStatus, ClearanceType, Interest, VolunteerKind};
use leptos::prelude::*;

/// A language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

macro_rules! keys {
    ($($k:ident => $en:literal, $es:literal;)*) => {
        /// A translatable text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($k),* }

        /// The text of a key in a language.
        pub fn text(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::En, Key::$k) => $en, (Lang::Es, Key::$k) => $es,)*
            }
        }
    };
}

keys! {
    NavNeeds => "Needs", "Necesidades";
    NavOffers => "Offers", "Ofertas";
    OffersTitle => "Partners' offers", "Ofertas de los socios";
    OffersIntro => "What partners give — time, treasure and talent — and where it reaches. Each offer lists the school needs it could meet.", "Lo que ofrecen los socios —tiempo, tesoro y talento— y a dónde llega. Cada oferta muestra las necesidades escolares que podría atender.";
    OffersNew => "Record an offer", "Registrar una oferta";
    OffersNone => "No offers match these filters.", "Ninguna oferta coincide con estos filtros.";
    OfferEdit => "Offer", "Oferta";
    OfferPartner => "Partner", "Socio";
    OfferDescription => "What the partner offers", "Lo que ofrece el socio";
    OfferChoosePartner => "Choose the partner.", "Elija el socio.";
    OfferCapacity => "Capacity", "Capacidad";
    OfferCapacityUnit => "Capacity counted in", "Capacidad medida en";
    OfferRegions => "Regions it serves (comma-separated; empty: all)", "Regiones que atiende (separadas por comas; vacío: todas)";
    OfferLevels => "School levels it serves (none checked: all)", "Niveles escolares que atiende (ninguno marcado: todos)";
    OfferSchools => "Schools it serves (none selected: all)", "Escuelas que atiende (ninguna seleccionada: todas)";
    OfferFrom => "Available from", "Disponible desde";
    OfferUntil => "Available until", "Disponible hasta";
    OfferBack => "Back to offers", "Volver a las ofertas";
    OfferSaved => "Offer saved.", "Oferta guardada.";
    OfferMatchesTitle => "Needs this offer could meet", "Necesidades que esta oferta podría atender";
    OfferMatchesNone => "No open need of this school year fits this offer.", "Ninguna necesidad abierta de este año escolar coincide con esta oferta.";
    NeedMatchesTitle => "Offers that could meet this need", "Ofertas que podrían atender esta necesidad";
    NeedMatchesNone => "No active offer fits this need yet.", "Todavía no hay ofertas activas que coincidan con esta necesidad.";
    MatchPoints => "points", "puntos";
    NavMatches => "Proposals", "Propuestas";
    NavDonations => "Donations", "Donaciones";
    NavResources => "Family resources", "Recursos para familias";
    ResourcesTitle => "Community resources for families", "Recursos comunitarios para familias";
    ResourcesIntro => "Free help from the district's community partners: food, tutoring, health, activities and more. No account needed.", "Ayuda gratuita de los socios comunitarios del distrito: comida, tutorías, salud, actividades y más. No necesita una cuenta.";
    ResourcesSearch => "What are you looking for?", "¿Qué está buscando?";
    ResourcesCategory => "Kind of help", "Tipo de ayuda";
    ResourcesLanguage => "Language", "Idioma";
    ResourcesSchool => "Your school", "Su escuela";
    ResourcesFind => "Search", "Buscar";
    ResourcesNone => "No resources match your search. Try fewer words or another kind of help.", "Ningún recurso coincide con su búsqueda. Pruebe con menos palabras u otro tipo de ayuda.";
    ResourcesReach => "How to reach it", "Cómo contactarlo";
    ResourcesOffered => "Offered in", "Se ofrece en";
    ResourcesFrom => "From", "De";
    ListingTitle => "Family resource directory", "Directorio de recursos para familias";
    ListingIntro => "How this offer shows to families in the public directory, in English and Spanish.", "Cómo aparece esta oferta para las familias en el directorio público, en inglés y español.";
    ListingPublished => "Show it to families", "Mostrarla a las familias";
    ListingTitleEn => "Title (English)", "Título (inglés)";
    ListingTitleEs => "Title (Spanish)", "Título (español)";
    ListingSummaryEn => "What families get (English)", "Lo que reciben las familias (inglés)";
    ListingSummaryEs => "What families get (Spanish)", "Lo que reciben las familias (español)";
    ListingLanguages => "Offered in", "Se ofrece en";
    ListingReach => "How families reach it", "Cómo la contactan las familias";
    ListingSaved => "Listing saved.", "Publicación guardada.";
    DirectoryUseTitle => "Family directory use", "Uso del directorio para familias";
    DirectoryUseText => "resources published; this month", "recursos publicados; este mes";
    DirectoryViews => "views", "visitas";
    DirectorySearches => "searches", "búsquedas";
    DonationsTitle => "Donations", "Donaciones";
    DonationsIntro => "What partners gave, in cash or in kind, at its estimated value. A donation recorded in error is voided with a reason: it stays in the ledger but leaves the totals.", "Lo que los socios donaron, en efectivo o en especie, por su valor estimado. Una donación registrada por error se anula con un motivo: queda en el registro pero sale de los totales.";
    DonationsNone => "No donations match these filters.", "Ninguna donación coincide con estos filtros.";
    DonationNew => "Record a donation", "Registrar una donación";
    DonationRecord => "Record the donation", "Registrar la donación";
    DonationAllYears => "Every year", "Todos los años";
    DonationGroupBy => "Totals by", "Totales por";
    DonationLedger => "The ledger", "El registro";
    DonationCount => "donations", "donaciones";
    DonationOne => "donation", "donación";
    DonationTotal => "Total", "Total";
    DonationTotalsRegion => "Donation totals", "Totales de donaciones";
    DonationNoArea => "No support area", "Sin área de apoyo";
    DonationDistrictWide => "District-wide", "Todo el distrito";
    DonationTitle => "Donation", "Donación";
    DonationBack => "Back to donations", "Volver a las donaciones";
    DonationReceivedOn => "Received on", "Recibida el";
    DonationKindLabel => "Cash or in kind", "Efectivo o en especie";
    DonationValue => "Value in dollars (estimated for in-kind gifts)", "Valor en dólares (estimado si es en especie)";
    DonationDescription => "What was given", "Qué se donó";
    DonationEvent => "Event (if given at one)", "Evento (si se donó en uno)";
    DonationSeeMatch => "See the proposal", "Ver la propuesta";
    DonationRecordedBy => "Recorded by", "Registrada por";
    DonationForMatch => "For the accepted proposal:", "Para la propuesta aceptada:";
    DonationForEvent => "Given at the one-time event:", "Donada en el evento único:";
    DonationRecordEvent => "Record the event's donation", "Registrar la donación del evento";
    MatchesTitle => "Proposed matches", "Coincidencias propuestas";
    MatchesIntro => "Offers the office proposed for schools' needs. A partner accepts or declines each one; the accepted ones meet the need.", "Ofertas que la oficina propuso para las necesidades de las escuelas. El socio acepta o rechaza cada una; las aceptadas atienden la necesidad.";
    MatchesNone => "No proposals match these filters.", "Ninguna propuesta coincide con estos filtros.";
    MatchTitle => "Proposal", "Propuesta";
    MatchNeed => "The school's need", "La necesidad de la escuela";
    MatchOffer => "The partner's offer", "La oferta del socio";
    MatchCovers => "Covers", "Cubre";
    MatchScore => "Score when proposed", "Puntuación al proponerla";
    MatchNote => "Why the office proposes it", "Por qué la oficina la propone";
    MatchProposedBy => "Proposed by", "Propuesta por";
    MatchAnsweredBy => "Answered by", "Respondida por";
    MatchBack => "Back to proposals", "Volver a las propuestas";
    MatchPropose => "Propose this offer", "Proponer esta oferta";
    MatchProposed => "Proposed: the partner is told.", "Propuesta: se avisó al socio.";
    NeedProposalsTitle => "Proposals and what met this need", "Propuestas y lo que atendió esta necesidad";
    NeedProposalsNone => "No offer has been proposed for this need yet.", "Todavía no se ha propuesto ninguna oferta para esta necesidad.";
    NeedsTitle => "School needs", "Necesidades de las escuelas";
    NeedsIntro => "Each school names its three primary needs for the school year (ranks 1 to 3), aligned with the strategic plan.", "Cada escuela indica sus tres necesidades principales del año escolar (prioridades 1 a 3), alineadas con el plan estratégico.";
    NeedSchoolYear => "School year", "Año escolar";
    SchoolLabel => "School", "Escuela";
    NeedsNone => "No needs recorded for this school and year yet.", "Todavía no hay necesidades registradas para esta escuela y este año.";
    NeedsNew => "Record a need", "Registrar una necesidad";
    NeedEdit => "Edit the need", "Editar la necesidad";
    NeedRank => "Rank (1 to 3: primary)", "Prioridad (1 a 3: principal)";
    NeedRankShort => "Rank", "Prioridad";
    NeedPrimary => "Primary", "Principal";
    NeedSecondary => "Secondary", "Secundaria";
    NeedSupportArea => "Support area", "Área de apoyo";
    NeedPriority => "Strategic-plan priority", "Prioridad del plan estratégico";
    NeedHelpKind => "Help that meets it", "Ayuda que la atiende";
    NeedDescription => "What the school needs", "Lo que necesita la escuela";
    NeedAskUnit => "The ask is counted in", "La solicitud se cuenta en";
    NeedAskQuantity => "How many", "Cuántos";
    NeedTimeframe => "When", "Cuándo";
    NeedVisible => "Partners may see this need", "Los socios pueden ver esta necesidad";
    NeedNotes => "Internal notes (never shown to partners)", "Notas internas (nunca se muestran a los socios)";
    NeedStatusReason => "Reason (optional)", "Motivo (opcional)";
    StatusReasonRequired => "Reason", "Motivo";
    NeedSaved => "The need is saved.", "La necesidad se guardó.";
    NeedBack => "Back to the needs", "Volver a las necesidades";
    CoverageTitle => "Schools with three primary needs", "Escuelas con tres necesidades principales";
    CoverageOf => "schools covered", "escuelas cubiertas";
    CoverageLacking => "Schools that still lack three primary needs", "Escuelas a las que aún les faltan tres necesidades principales";
    CoverageAllCovered => "Every school has three primary needs.", "Todas las escuelas tienen tres necesidades principales.";
    CoverageByRegion => "By region", "Por región";
    CoveragePrimaryCount => "Primary needs", "Necesidades principales";
    CoverageCovered => "Covered", "Cubiertas";
    AssessmentOpenFor => "The needs assessment is open for", "La evaluación de necesidades está abierta para";
    AssessmentNotOpen => "The office has not opened the needs assessment yet.", "La oficina todavía no abrió la evaluación de necesidades.";
    AssessmentOpen => "Open the needs assessment for this year and remind coordinators", "Abrir la evaluación de necesidades de este año y avisar a los coordinadores";
    AssessmentReminded => "reminders queued to coordinators of schools that lack three primary needs:", "avisos enviados a coordinadores de escuelas sin tres necesidades principales:";
    PrioritiesTitle => "Strategic-plan priorities", "Prioridades del plan estratégico";
    PrioritiesIntro => "The goals and pillar priorities that school needs align with. A retired priority stays on the needs that name it.", "Las metas y prioridades de los pilares con las que se alinean las necesidades. Una prioridad retirada se conserva en las necesidades que la usan.";
    PriorityNameEs => "Name in Spanish", "Nombre en español";
    PriorityKindLabel => "Kind", "Tipo";
    PriorityPosition => "Order", "Orden";
    PriorityActive => "Offered for new needs", "Disponible para nuevas necesidades";
    PriorityAdd => "Add a priority", "Agregar una prioridad";
    PriorityRetired => "Retired", "Retirada";
    NavVolunteer => "Volunteer", "Voluntariado";
    NavVolunteers => "Volunteers", "Voluntarios";
    NavOpportunities => "Opportunities", "Oportunidades";
    NavHours => "Hours", "Horas";
    VolActive => "Active volunteers", "Voluntarios activos";
    VolActiveByMonth => "Active volunteers by month, against the goal", "Voluntarios activos por mes, frente a la meta";
    VolAsOf => "Count on this day", "Contar en este día";
    VolByActivity => "Hours by activity", "Horas por actividad";
    VolDashboard => "Volunteer dashboard", "Panel de voluntarios";
    VolGoal => "Goal (active volunteers and parent leaders):", "Meta (voluntarios activos y líderes de padres):";
    VolGroupBy => "Group by", "Agrupar por";
    VolHours => "Approved hours", "Horas aprobadas";
    VolHoursByMonth => "Approved hours by month", "Horas aprobadas por mes";
    VolMonth => "Month", "Mes";
    VolNew => "New registrations", "Registros nuevos";
    LinkExpired => "This link has expired. Enter the contact email of your application and we will send you a fresh link.", "Este enlace venció. Escriba el correo de contacto de su solicitud y le enviaremos un enlace nuevo.";
    FreshLinkEmail => "Contact email of the application", "Correo de contacto de la solicitud";
    FreshLinkSend => "Email me a fresh link", "Enviarme un enlace nuevo";
    FreshLinkSent => "If that email has an open application, a fresh link is on its way. It works for 30 days.", "Si ese correo tiene una solicitud abierta, le enviamos un enlace nuevo. Funciona durante 30 días.";
    ChangePasswordTitle => "Change password", "Cambiar contraseña";
    ChangePasswordRequired => "The password you signed in with was set by someone else. Choose your own to continue.", "La contraseña con la que inició sesión la eligió otra persona. Elija la suya para continuar.";
    ChangePasswordIntro => "Your other sessions end when you change it.", "Sus otras sesiones terminan al cambiarla.";
    CurrentPassword => "Current password", "Contraseña actual";
    ChangePasswordSave => "Change password", "Cambiar contraseña";
    PasswordChanged => "Your password is changed.", "Su contraseña se cambió.";
    Continue => "Continue", "Continuar";
    VolParentLeaders => "Active parent leaders", "Líderes de padres activos";
    VolRegistered => "Registered", "Registrados";
    VolTopSchools => "Top schools by hours", "Escuelas con más horas";
    VolValue => "Value of the hours", "Valor de las horas";
    CheckInCode => "Volunteer check-in code", "Código de registro de voluntarios";
    CheckInCodeHelp => "Print it and post it at the front office. Volunteers scan it with their phone to check in and out.", "Imprímalo y colóquelo en la recepción. Los voluntarios lo escanean con su teléfono para registrar entrada y salida.";
    CheckInLink => "Open the check-in page", "Abrir la página de registro";
    Print => "Print", "Imprimir";
    HoursApprove => "Approve selected", "Aprobar las seleccionadas";
    HoursCheckedInSince => "You are checked in since", "Está registrado desde las";
    HoursCheckIn => "Check in", "Registrar entrada";
    HoursCheckInTitle => "Volunteer check-in", "Registro de voluntarios";
    HoursCheckOut => "Check out", "Registrar salida";
    HoursChooseFirst => "Choose at least one entry first.", "Primero elija al menos una entrada.";
    HoursCorrection => "correction", "corrección";
    HoursDay => "Day", "Día";
    HoursDecided => "entries decided.", "entradas decididas.";
    HoursFlagged => "closed automatically: check it", "cerrada automáticamente: revísela";
    HoursHowLong => "How long (hours, e.g. 1.5)", "Cuánto tiempo (horas, p. ej. 1.5)";
    HoursLog => "Log hours", "Registrar horas";
    HoursMine => "My hours", "Mis horas";
    HoursNone => "No hours yet.", "Todavía no hay horas.";
    HoursNote => "Note for the coordinator (optional)", "Nota para el coordinador (opcional)";
    HoursNumber => "Enter the hours as a number between 0 and 24.", "Escriba las horas como un número entre 0 y 24.";
    HoursQueueEmpty => "Nothing waiting for approval.", "Nada pendiente de aprobación.";
    HoursReject => "Reject selected", "Rechazar las seleccionadas";
    HoursRejectReason => "Reason (needed to reject; the volunteer sees it)", "Motivo (necesario para rechazar; el voluntario lo verá)";
    HoursReview => "Hours to approve", "Horas por aprobar";
    HoursReviewIntro => "Oldest first. Choose entries, then approve or reject them together.", "Las más antiguas primero. Elija entradas y apruébelas o rechácelas juntas.";
    HoursSelectAll => "Select all shown", "Seleccionar todas las mostradas";
    HoursThanks => "Thank you! Checked out; time recorded, waiting for approval:", "¡Gracias! Salida registrada; tiempo anotado, pendiente de aprobación:";
    OppActivity => "Activity", "Actividad";
    OppAgeNumber => "Enter an age in years, or leave it empty.", "Escriba una edad en años o déjelo vacío.";
    OppCancelled => "Cancelled:", "Cancelada:";
    OppCancelMine => "Cancel my sign-up", "Cancelar mi inscripción";
    OppCancelReason => "Why? Volunteers will see this.", "¿Por qué? Los voluntarios lo verán.";
    OppCancelTitle => "Cancel this opportunity", "Cancelar esta oportunidad";
    OppClearanceRequired => "Volunteers need a current clearance", "Los voluntarios necesitan una autorización vigente";
    OppConfirmAge => "I confirm I am at least", "Confirmo que tengo al menos";
    OppEdit => "Change the opportunity", "Modificar la oportunidad";
    OppEnds => "Ends", "Termina";
    OppFind => "Find opportunities", "Buscar oportunidades";
    OppFrom => "From", "Desde";
    OppFull => "Full", "Completo";
    OppJoinWaitlist => "Join the waitlist", "Unirme a la lista de espera";
    OppMinimumAge => "Minimum age (optional)", "Edad mínima (opcional)";
    OppMinimumAgeText => "Minimum age", "Edad mínima";
    OppNeedsClearance => "A current volunteer clearance is needed.", "Se necesita una autorización de voluntario vigente.";
    OppNoSignups => "No sign-ups yet.", "Aún no hay inscripciones.";
    OppMySignups => "My sign-ups", "Mis inscripciones";
    OppNoneYet => "You have not signed up for anything yet.", "Todavía no se ha inscrito en nada.";
    OppNone => "No opportunities match. Try another school, activity or day.", "Ninguna oportunidad coincide. Pruebe otra escuela, actividad o fecha.";
    OppOnlyMine => "Only my sign-ups", "Solo mis inscripciones";
    OppOnWaitlist => "on the waitlist", "en lista de espera";
    OppPost => "Post an opportunity", "Publicar una oportunidad";
    OppRepeatsUntil => "Repeats every week until (optional)", "Se repite cada semana hasta (opcional)";
    OppRoster => "Who signed up", "Quiénes se inscribieron";
    OppSchool => "School", "Escuela";
    OppSignUp => "Sign up", "Inscribirme";
    OppSignupCancelled => "Your sign-up is cancelled.", "Su inscripción fue cancelada.";
    OppSlots => "Volunteers needed", "Voluntarios necesarios";
    OppSlotsNumber => "Enter how many volunteers are needed (1 to 500).", "Escriba cuántos voluntarios se necesitan (de 1 a 500).";
    OppSpotsOpen => "spots open", "lugares disponibles";
    OppStarts => "Starts", "Comienza";
    OppTitle => "Title", "Título";
    OppWeeklyUntil => "every week until", "cada semana hasta el";
    OppWhen => "When", "Cuándo";
    OppYearsOld => "years old", "años";
    OppYouAreConfirmed => "You are signed up.", "Está inscrito.";
    OppYouAreWaitlisted => "You are on the waitlist, number", "Está en la lista de espera, número";
    PartnerOrganizationLabel => "Partner organization", "Organización aliada";
    Availability => "When are you available?", "¿Cuándo está disponible?";
    ClearanceCurrent => "Cleared: you can sign up for opportunities.", "Autorizado: puede inscribirse en oportunidades.";
    ClearanceCurrentUntil => "Cleared: you can sign up for opportunities. Valid through", "Autorizado: puede inscribirse en oportunidades. Válido hasta el";
    ClearanceDeniedText => "Your clearance was not approved. Contact the volunteer office to talk about it.", "Su autorización no fue aprobada. Comuníquese con la oficina de voluntariado para hablarlo.";
    ClearanceExpiredText => "Your clearance has expired. Renew your volunteer registration to sign up again.", "Su autorización venció. Renueve su registro de voluntario para volver a inscribirse.";
    ClearanceGrace => "Your clearance has expired; you may still serve during the grace period, until", "Su autorización venció; puede seguir participando durante el período de gracia, hasta el";
    ClearanceKind => "Clearance", "Autorización";
    ClearanceLedger => "Clearance history", "Historial de autorizaciones";
    ClearanceMissingText => "Complete your volunteer registration to get a clearance.", "Complete su registro de voluntario para obtener una autorización.";
    ClearancePendingText => "Your clearance is being reviewed. You can sign up for opportunities once it is cleared.", "Su autorización está en revisión. Podrá inscribirse en oportunidades cuando sea aprobada.";
    ClearanceStatusLabel => "Clearance", "Autorización";
    ClearedOn => "Cleared on", "Autorizado el";
    Decision => "Decision", "Decisión";
    FullName => "Full name", "Nombre completo";
    Interests => "What would you like to do?", "¿Qué le gustaría hacer?";
    MobilePhone => "Mobile phone", "Teléfono celular";
    MyVolunteering => "My volunteering", "Mi voluntariado";
    NewPassword => "Choose a password (at least 12 characters)", "Elija una contraseña (al menos 12 caracteres)";
    NoVolunteers => "No volunteers yet.", "Aún no hay voluntarios.";
    RecordClearance => "Record a clearance decision", "Registrar una decisión de autorización";
    RegisterVolunteer => "Register", "Registrarme";
    RenewSoon => "renew within 30 days", "renueve dentro de 30 días";
    ScreeningReference => "Reference in the screening system", "Referencia en el sistema de verificación";
    VolunteerIntro => "Register in a few minutes. The volunteer office reviews your clearance; then you can sign up at your schools.", "Regístrese en pocos minutos. La oficina de voluntariado revisa su autorización; luego podrá inscribirse en sus escuelas.";
    VolunteerKindLabel => "I am a…", "Soy…";
    VolunteerTitle => "Volunteer with our schools", "Sea voluntario en nuestras escuelas";
    VolunteerBadge => "Volunteer badge", "Credencial de voluntario";
    BadgeHelp => "Show this code at the front office, or print it. Scanning it shows your first name and whether you may serve today — nothing else.", "Muestre este código en la recepción o imprímalo. Al escanearlo se ve su nombre y si puede participar hoy, nada más.";
    BadgeQrAlt => "QR code to check this badge", "Código QR para verificar esta credencial";
    PrintBadge => "Print badge", "Imprimir credencial";
    BadgeOpenCheck => "See what a scan shows", "Ver lo que muestra el escaneo";
    BadgeCheckTitle => "Volunteer badge check", "Verificación de credencial de voluntario";
    BadgeMayServe => "May serve today.", "Puede participar hoy.";
    BadgeValidThrough => "Valid through", "Válida hasta el";
    BadgeMayNotServe => "Not cleared to serve today. Please ask the volunteer to contact the volunteer office.", "No está autorizado para participar hoy. Pida al voluntario que se comunique con la oficina de voluntariado.";
    BadgeUnknown => "This is not a valid PartnerHub volunteer badge.", "Esta no es una credencial de voluntario válida de PartnerHub.";
    CheckedOn => "Checked on", "Verificado el";
    ParentLeader => "Parent leader", "Líder de padres";
    ParentLeaderRole => "Role (PTA officer, school leadership team, …)", "Cargo (directiva de la PTA, equipo de liderazgo escolar, …)";
    Saved => "Saved.", "Guardado.";
    HourValueTitle => "Value of a volunteer hour", "Valor de una hora de voluntariado";
    HourValueDefault => "the default (Independent Sector's national estimate)", "el valor predeterminado (estimación nacional de Independent Sector)";
    HourValueSet => "set by an administrator on", "fijado por un administrador el";
    HourValueLabel => "Value of an hour in dollars (e.g. 34.79)", "Valor de una hora en dólares (p. ej. 34.79)";
    HourValueInvalid => "Enter an amount in dollars, e.g. 34.79.", "Escriba un monto en dólares, p. ej. 34.79.";
    HourValueSave => "Save hour value", "Guardar valor de la hora";
    SchoolYearTitle => "School year (the window of “active”)", "Año escolar (el período de “activo”)";
    SchoolYearStarts => "Starts on", "Empieza el";
    SchoolYearCurrent => "current school year since", "año escolar actual desde";
    SchoolYearDefault => "the district's default", "el valor predeterminado del distrito";
    SchoolYearHelp => "Active volunteers are those with an approved hour in the current school year. Changing the first month counts every volunteer's hours again under the new school years; it may take a moment.", "Los voluntarios activos son los que tienen una hora aprobada en el año escolar actual. Cambiar el primer mes vuelve a contar las horas de todos los voluntarios según los nuevos años escolares; puede tardar un momento.";
    SchoolYearLabel => "First month of the school year", "Primer mes del año escolar";
    SchoolYearSave => "Save school year", "Guardar año escolar";
    SchoolYearSaved => "Saved. The dashboard is counted with the new school year.", "Guardado. El tablero se cuenta con el nuevo año escolar.";
    ExportAllHours => "Export hours (CSV)", "Exportar horas (CSV)";
    HoursWorkedFrom => "Export hours worked from", "Exportar horas trabajadas desde";
    HoursWorkedTo => "through", "hasta";
    VolDuplicates => "Possible duplicates", "Posibles duplicados";
    VolDuplicatesIntro => "Profiles with the same name and phone number are probably one person. Choose the profile to keep: the other's hours, sign-ups and clearances move to it, and its login is deactivated.", "Los perfiles con el mismo nombre y teléfono probablemente son una sola persona. Elija el perfil que se conserva: las horas, inscripciones y autorizaciones del otro pasan a él, y su acceso se desactiva.";
    NoDuplicates => "No likely duplicates.", "No hay posibles duplicados.";
    SameNameAndPhone => "Same name and phone number", "Mismo nombre y teléfono";
    KeepThisProfile => "Keep this profile", "Conservar este perfil";
    MergeReason => "Why they are the same person", "Por qué son la misma persona";
    MergeProfiles => "Merge into the kept profile", "Combinar en el perfil conservado";
    MergedText => "Merged: the hours, sign-ups and clearances now belong to the kept profile.", "Combinado: las horas, inscripciones y autorizaciones ahora pertenecen al perfil conservado.";
    RegisteredOn => "Registered", "Registrado";
    SaveParentLeader => "Save parent leader", "Guardar líder de padres";
    ParentLeaderHelp => "Parent leaders count toward the district's goal for active volunteers and parent leaders on the days they hold a role and in school years they volunteer (each person once). Give the day they took the role or stepped down.", "Los líderes de padres cuentan para la meta del distrito de voluntarios activos y líderes de padres los días en que tienen un cargo y en los años escolares en que son voluntarios (cada persona una vez). Indique el día en que asumió el cargo o lo dejó.";
    ParentLeaderOn => "On (the day they took the role or stepped down; empty: today)", "El día (en que asumió el cargo o lo dejó; vacío: hoy)";
    ParentLeaderRoles => "Parent-leader roles", "Cargos de líder de padres";
    RoleSince => "since", "desde";
    RoleUntil => "until", "hasta";
    ProfileEnded => "Left the program", "Dejó el programa";
    EndProfileTitle => "The volunteer left", "El voluntario se fue";
    EndProfileHelp => "From the day given, they are not counted as registered, active or a parent leader, and cannot sign up or check in. Their hours stay in the history.", "A partir del día indicado no cuenta como registrado, activo ni líder de padres, y no puede inscribirse ni registrar su llegada. Sus horas quedan en el historial.";
    EndProfileOn => "The day they left (empty: today)", "El día en que se fue (vacío: hoy)";
    EndProfileReason => "Why (kept with the profile)", "Motivo (queda en el perfil)";
    EndProfileButton => "End the profile", "Cerrar el perfil";
    ReinstateTitle => "Reinstate", "Reactivar";
    ReinstateReason => "Why (kept in the audit trail)", "Motivo (queda en el registro de auditoría)";
    ReinstateButton => "Reinstate the profile", "Reactivar el perfil";
    StopTitle => "Stop volunteering", "Dejar de ser voluntario";
    StopHelp => "You will no longer be counted or able to sign up or check in. Your hours stay on this page. The volunteer office can reinstate you if you come back.", "Ya no contará ni podrá inscribirse ni registrar su llegada. Sus horas quedan en esta página. La oficina de voluntarios puede reactivarlo si regresa.";
    StopReason => "Why (optional)", "Motivo (opcional)";
    StopConfirm => "Yes, I want to stop volunteering", "Sí, quiero dejar de ser voluntario";
    StopButton => "Stop volunteering", "Dejar de ser voluntario";
    StoppedOn => "You stopped volunteering on", "Dejó de ser voluntario el";

    NavAgreements => "Agreements", "Acuerdos";
    InStageAtLeast => "In this stage for at least", "En esta etapa por lo menos";
    DaysWord => "days", "días";
    AnswerRequest => "Answer the office's request", "Responder a la solicitud de la oficina";
    OpenForm => "Open the form (to view or withdraw)", "Abrir el formulario (para verlo o retirarlo)";
    Assignment => "Owner, department and school", "Responsable, departamento y escuela";
    CollaboratingSchool => "Collaborating school", "Escuela colaboradora";
    OwnerLabel => "District owner", "Responsable del distrito";
    CreateAgreement => "Create agreement", "Crear acuerdo";
    AcceptReport => "Accept report", "Aceptar informe";
    Achieved => "Achieved against the target", "Logrado frente a la meta";
    ActiveMouDefinition => "A partner counts as having an active MOU in a quarter when at least one of its agreements of a counted kind was in force (active, or active with its renewal pending) on the quarter's last day. Past quarters never change.", "Un socio cuenta con un acuerdo (MOU) activo en un trimestre cuando al menos uno de sus acuerdos de un tipo contado estaba vigente (activo, o activo con su renovación pendiente) el último día del trimestre. Los trimestres pasados no cambian.";
    CountedKinds => "Kinds of agreement counted", "Tipos de acuerdo contados";
    EveryKind => "every kind", "todos los tipos";
    ActivePartners => "Partners with an active MOU", "Socios con MOU activo";
    AddDeliverable => "Add a deliverable", "Agregar un entregable";
    AddSchoolToList => "Add school", "Agregar escuela";
    AgreementKindLabel => "Kind of agreement", "Tipo de acuerdo";
    AgreementTitle => "Title", "Título";
    AgreementsTitle => "Agreements (MOUs)", "Acuerdos (MOU)";
    Baseline => "Baseline", "Línea de base";
    BehindTheNumber => "Agreements behind the number", "Acuerdos detrás de la cifra";
    Cadence => "Cadence (e.g. weekly)", "Frecuencia (p. ej., semanal)";
    ChooseDate => "Choose a date.", "Elija una fecha.";
    ChooseFile => "Choose a file first.", "Primero elija un archivo.";
    ChoosePartner => "Choose the partner organization.", "Elija la organización aliada.";
    ChooseSchool => "Choose a school", "Elija una escuela";
    CollaboratingDepartment => "Collaborating department", "Departamento colaborador";
    CollaboratingSchools => "Collaborating schools", "Escuelas colaboradoras";
    Dates => "Dates and terms", "Fechas y condiciones";
    DaysLeft => "days left", "días restantes";
    DaysRange => "Use 0 to 3650 days.", "Use de 0 a 3650 días.";
    Deadline => "Deadline", "Fecha límite";
    DeliverableLabel => "Deliverable", "Entregable";
    Deliverables => "Deliverables", "Entregables";
    Documents => "Documents", "Documentos";
    Download => "Download", "Descargar";
    DueOn => "Due on", "Fecha de entrega";
    EditGoal => "Edit the goal", "Editar la meta";
    EditTerms => "Edit terms", "Editar condiciones";
    EffectiveFrom => "Effective from", "Vigente desde";
    EffectiveOn => "effective", "vigente";
    EndReason => "Reason it ended", "Motivo de terminación";
    Expired => "Expired", "Vencidos";
    ExpiresOn => "Expires on", "Vence el";
    ExpiringSoon => "Expiring soon", "Vencen pronto";
    ExpiringWithin => "Expiring within (days)", "Vencen dentro de (días)";
    FinalReport => "Final report", "Informe final";
    FindPartner => "Find a partner by name", "Buscar un socio por nombre";
    FromApplication => "From application", "De la solicitud";
    FromDate => "From", "Desde";
    Goal => "Goal", "Meta";
    In => "in", "en";
    Metric => "Metric", "Indicador";
    MouChartLabel => "Partners with an active MOU per quarter, with the goal", "Socios con MOU activo por trimestre, con la meta";
    MouDashboard => "MOU dashboard", "Panel de MOU";
    MouTableCaption => "Active MOUs per quarter (select a number to see the agreements)", "MOU activos por trimestre (seleccione una cifra para ver los acuerdos)";
    NewAgreement => "New agreement", "Nuevo acuerdo";
    NewAgreements => "New", "Nuevos";
    NewExpiry => "New expiry date (renewal)", "Nueva fecha de vencimiento (renovación)";
    NoAgreements => "No agreements match these filters.", "Ningún acuerdo coincide con estos filtros.";
    NoDeliverables => "No deliverables yet.", "Aún no hay entregables.";
    NoDocuments => "No document uploaded yet.", "Aún no se ha subido ningún documento.";
    NotSigned => "Not signed yet", "Aún sin firmar";
    NotYetChosen => "Not chosen yet", "Aún sin elegir";
    NoticePeriod => "Notice period (days)", "Plazo de aviso (días)";
    Now => "Now:", "Ahora:";
    OpenApplication => "Open the application", "Abrir la solicitud";
    Parties => "Parties", "Partes";
    Partner => "Partner organization", "Organización aliada";
    PartnerSignatory => "Partner signatory", "Firmante del socio";
    Progress => "Progress", "Avance";
    Quarter => "Quarter", "Trimestre";
    ReminderSent => "Reminder at", "Recordatorio a";
    RenewalTerm => "Renewal term (months)", "Plazo de renovación (meses)";
    Renewed => "Renewed", "Renovados";
    ReportSent => "Final report sent. Thank you.", "Informe final enviado. Gracias.";
    ReportSummary => "Summary of results", "Resumen de resultados";
    RequestChanges => "Ask for changes", "Pedir cambios";
    ReviewNote => "Note from the office", "Nota de la oficina";
    SendReport => "Send the final report", "Enviar el informe final";
    Sign => "Sign", "Firmar";
    SignConsent => "I agree to sign this agreement electronically.", "Acepto firmar este acuerdo electrónicamente.";
    SignFor => "Sign for", "Firmar por";
    Signatures => "Signatures", "Firmas";
    SignedThanks => "Signed. Thank you.", "Firmado. Gracias.";
    Target => "Target", "Meta";
    TargetMet => "Target met", "Meta cumplida";
    Terminated => "Terminated", "Terminados";
    ToDate => "To", "Hasta";
    TypeFullName => "Type your full name", "Escriba su nombre completo";
    Upload => "Upload", "Subir";
    UploadDocument => "Agreement file (PDF or Word)", "Archivo del acuerdo (PDF o Word)";
    UploadedVersion => "Uploaded version", "Versión subida";
    Version => "Version", "Versión";
    WhoDelivers => "Who delivers", "Quién entrega";
    WholeNumber => "Enter a whole number.", "Escriba un número entero.";

    AppName => "PartnerHub", "PartnerHub";
    SkipToContent => "Skip to content", "Saltar al contenido";
    MainNav => "Main navigation", "Navegación principal";
    NavSchools => "Schools", "Escuelas";
    NavUsers => "Users", "Usuarios";
    NavApiDocs => "API docs", "Documentación de la API";
    SignIn => "Sign in", "Iniciar sesión";
    SignOut => "Sign out", "Cerrar sesión";
    SigningIn => "Signing in…", "Iniciando sesión…";
    SignInTitle => "Sign in to PartnerHub", "Inicie sesión en PartnerHub";
    SignInIntro => "Community Partnerships & Family Engagement", "Alianzas Comunitarias y Participación Familiar";
    Email => "Email", "Correo electrónico";
    Password => "Password", "Contraseña";
    SwitchLanguage => "Español", "English";
    SwitchLanguageLabel => "Cambiar a español", "Switch to English";
    Loading => "Loading…", "Cargando…";
    Retry => "Try again", "Intentar de nuevo";
    Save => "Save", "Guardar";
    Saving => "Saving…", "Guardando…";
    Cancel => "Cancel", "Cancelar";
    Edit => "Edit", "Editar";
    Search => "Search", "Buscar";
    SearchSchools => "Search by name or code", "Buscar por nombre o código";
    Any => "Any", "Cualquiera";
    Yes => "Yes", "Sí";
    No => "No", "No";
    LoadMore => "Load more", "Cargar más";
    RevokeBadgeTitle => "Lost or stolen badge", "Credencial perdida o robada";
    RevokeBadgeHelp => "Revoking stops every badge this volunteer was given from checking out at the front desk. Their page then shows a new badge to print or show on the phone.", "Al revocarla, ninguna credencial que se le haya dado a este voluntario se acepta en la recepción. Su página muestra entonces una credencial nueva para imprimir o mostrar en el teléfono.";
    RevokeBadgeReason => "Why (kept in the audit trail)", "Motivo (queda en el registro de auditoría)";
    RevokeBadgeButton => "Revoke badges", "Revocar credenciales";
    RevokeBadgeDone => "Revoked. The old badges no longer check out.", "Revocadas. Las credenciales anteriores ya no se aceptan.";
    UsersSearch => "Search by email or name", "Buscar por correo o nombre";
    SchoolsTitle => "Schools", "Escuelas";
    AddSchool => "Add school", "Agregar escuela";
    NoSchools => "No schools match these filters.", "Ninguna escuela coincide con estos filtros.";
    ShowingCount => "Showing", "Mostrando";
    Code => "Code", "Código";
    Name => "Name", "Nombre";
    Level => "Level", "Nivel";
    Region => "Region / learning community", "Región / comunidad de aprendizaje";
    TitleI => "Title I", "Título I";
    Designation => "CSI/TSI designation", "Designación CSI/TSI";
    Address => "Street address", "Dirección";
    City => "City", "Ciudad";
    PostalCode => "ZIP code", "Código postal";
    Status => "Status", "Estado";
    ShowArchived => "Archived schools", "Escuelas archivadas";
    Archive => "Archive", "Archivar";
    Restore => "Restore", "Restaurar";
    NewSchool => "New school", "Nueva escuela";
    EditSchool => "Edit school", "Editar escuela";
    FixErrors => "Please correct the fields marked below.", "Corrija los campos marcados abajo.";
    StaleVersion => "Someone else changed this record while you were editing. Reload to see their changes, then apply yours again.", "Otra persona cambió este registro mientras usted lo editaba. Recargue para ver sus cambios y vuelva a aplicar los suyos.";
    Reload => "Reload", "Recargar";
    History => "History", "Historial";
    NoHistory => "No changes recorded yet.", "Todavía no hay cambios registrados.";
    NotFoundTitle => "Page not found", "Página no encontrada";
    NotFoundText => "The page you asked for does not exist.", "La página que busca no existe.";
    Forbidden => "You do not have permission to see this page.", "No tiene permiso para ver esta página.";
    UsersTitle => "Users", "Usuarios";
    AddUser => "Add user", "Agregar usuario";
    DisplayName => "Display name", "Nombre para mostrar";
    RoleLabel => "Role", "Rol";
    SchoolCodes => "School codes (comma-separated, for coordinators)", "Códigos de escuela (separados por comas, para coordinadores)";
    TempPassword => "Temporary password (at least 12 characters)", "Contraseña temporal (al menos 12 caracteres)";
    Deactivate => "Deactivate", "Desactivar";
    Reactivate => "Reactivate", "Reactivar";
    NoUsers => "No users yet.", "Todavía no hay usuarios.";
    UnknownSchoolCode => "Unknown school code:", "Código de escuela desconocido:";
    UserCreated => "User created.", "Usuario creado.";
    ImportCsv => "Import CSV", "Importar CSV";
    ImportVolTitle => "Import volunteers and hours", "Importar voluntarios y horas";
    ImportVolIntro => "Bring in the office's spreadsheets: the volunteer roster first, then past hours. Each file is checked first and nothing is stored until you confirm; a file with a bad row is not imported at all. People and hours already in PartnerHub are left out, so a file can be imported again safely.", "Traiga las hojas de cálculo de la oficina: primero la lista de voluntarios, luego las horas pasadas. Cada archivo se revisa primero y no se guarda nada hasta que confirme; un archivo con una fila incorrecta no se importa. Las personas y horas que ya están en PartnerHub se omiten, así que un archivo puede importarse de nuevo sin riesgo.";
    ImportRosterTitle => "Volunteer roster", "Lista de voluntarios";
    ImportRosterHelp => "Columns: name (or first_name and last_name), email, phone, kind (parent, community, partner, college student, employee), schools (codes, separated by ;). Optional: language (en or es), organization (required for partner-affiliated), interests, availability, registered_on, cleared_on and expires_on (a current clearance), clearance_reference, parent_leader_role. Headers may be in English or Spanish.", "Columnas: nombre (o nombre de pila y apellido), correo, teléfono, tipo (padre o madre, comunidad, socio, estudiante universitario, empleado), escuelas (códigos separados por ;). Opcionales: idioma (en o es), organización (obligatoria para voluntarios de una organización asociada), intereses, disponibilidad, fecha de registro, fecha de autorización y vence (una autorización vigente), referencia, líder de padres. Los encabezados pueden estar en inglés o en español.";
    ImportHoursTitle => "Past hours", "Horas pasadas";
    ImportHoursHelp => "Columns: email (of a registered volunteer), school (code), date, activity, and hours (like 1.5) or minutes. Optional: note. Imported hours count as approved by you. Import the roster first.", "Columnas: correo (de un voluntario registrado), escuela (código), fecha, actividad y horas (como 1.5) o minutos. Opcional: nota. Las horas importadas cuentan como aprobadas por usted. Importe primero la lista de voluntarios.";
    ImportRosterFile => "CSV file of volunteers", "Archivo CSV de voluntarios";
    ImportHoursFile => "CSV file of hours", "Archivo CSV de horas";
    ImportTemplate => "Download an empty template", "Descargar una plantilla vacía";
    ImportInvite => "Email each new volunteer a link to choose a password", "Enviar a cada voluntario nuevo un enlace para elegir su contraseña";
    ImportCheck => "Check the file", "Revisar el archivo";
    ImportChooseFile => "Choose a file first.", "Elija primero un archivo.";
    ImportUnreadable => "The file cannot be read as text; save it as CSV (UTF-8) and try again.", "El archivo no se puede leer como texto; guárdelo como CSV (UTF-8) e intente de nuevo.";
    ImportReadingNow => "Reading the file…", "Leyendo el archivo…";
    ImportCheckingNow => "Checking every row…", "Revisando cada fila…";
    ImportImportingNow => "Importing…", "Importando…";
    ImportRows => "rows", "filas";
    ImportReady => "Ready to import:", "Listo para importar:";
    ImportNothingNew => "Nothing new to import: everything in this file is already in PartnerHub.", "Nada nuevo que importar: todo lo de este archivo ya está en PartnerHub.";
    ImportHoursTotal => "Hours:", "Horas:";
    ImportNow => "Import now", "Importar ahora";
    ImportDoneCount => "Imported:", "Importado:";
    ImportInvited => "Invitations sent:", "Invitaciones enviadas:";
    ImportSkipped => "Already in PartnerHub, left out:", "Ya están en PartnerHub, se omiten:";
    ImportLine => "Line", "Línea";
    ForgotLink => "Forgot your password?", "¿Olvidó su contraseña?";
    ForgotTitle => "Forgot your password", "Olvidó su contraseña";
    ForgotIntro => "Enter the email you sign in with. If it has an account, we send it a link to choose a new password; the link works once, for two hours.", "Escriba el correo con el que inicia sesión. Si tiene una cuenta, le enviamos un enlace para elegir una nueva contraseña; el enlace funciona una vez, durante dos horas.";
    ForgotSend => "Send me a link", "Envíenme un enlace";
    ForgotSent => "If an account has this email, a link is on its way. Check your inbox.", "Si hay una cuenta con este correo, le enviamos un enlace. Revise su bandeja de entrada.";
    Sending => "Sending…", "Enviando…";
    BackToSignIn => "Back to sign in", "Volver a iniciar sesión";
    ResetTitle => "Choose your password", "Elija su contraseña";
    ResetIntro => "Use at least 12 characters. Saving it signs this account out everywhere else.", "Use al menos 12 caracteres. Al guardarla se cierran las sesiones de esta cuenta en todos los demás lugares.";
    ResetNoToken => "This link is incomplete; open it again from the email.", "Este enlace está incompleto; ábralo de nuevo desde el correo.";
    ResetPassword => "New password", "Nueva contraseña";
    ResetPasswordAgain => "New password, again", "Nueva contraseña, otra vez";
    PasswordsDiffer => "The two passwords are not the same.", "Las dos contraseñas no son iguales.";
    ResetSave => "Save the password", "Guardar la contraseña";
    ResetDone => "Your password is saved. Sign in with it now.", "Su contraseña está guardada. Inicie sesión con ella.";
    ImportFile => "CSV file of schools", "Archivo CSV de escuelas";
    Import => "Import", "Importar";
    Imported => "Imported. Created:", "Importado. Creadas:";
    ImportedUpdated => "Updated:", "Actualizadas:";
    ImportFailed => "Nothing was imported. Fix these rows and try again:", "No se importó nada. Corrija estas filas e intente de nuevo:";
    NavOrganizations => "Partners", "Aliados";
    OrganizationsTitle => "Partner organizations", "Organizaciones aliadas";
    MyOrganization => "My organization", "Mi organización";
    AddOrganization => "Add organization", "Agregar organización";
    NewOrganization => "New organization", "Nueva organización";
    EditOrganization => "Edit organization", "Editar organización";
    NoOrganizations => "No organizations match these filters.", "Ninguna organización coincide con estos filtros.";
    SearchOrganizations => "Search by name", "Buscar por nombre";
    LegalName => "Legal name", "Nombre legal";
    OrgType => "Type of organization", "Tipo de organización";
    TaxStatusLabel => "Tax status", "Situación fiscal";
    Ein => "EIN (optional, 12-3456789)", "EIN (opcional, 12-3456789)";
    Website => "Website (https://…)", "Sitio web (https://…)";
    Description => "Description", "Descripción";
    SupportAreas => "Support areas offered", "Áreas de apoyo que ofrece";
    SupportAreaFilter => "Support area", "Área de apoyo";
    ExportCsv => "Export CSV", "Exportar CSV";
    Contacts => "Contacts", "Contactos";
    NoContacts => "No contacts yet.", "Todavía no hay contactos.";
    AddContact => "Add contact", "Agregar contacto";
    ContactName => "Full name", "Nombre completo";
    JobTitle => "Job title", "Cargo";
    Phone => "Phone", "Teléfono";
    PrimaryContact => "Primary contact", "Contacto principal";
    Remove => "Remove", "Eliminar";
    GiveLogin => "Give partner login", "Dar acceso de aliado";
    HasLogin => "Has a partner login", "Tiene acceso de aliado";
    DuplicateWarning => "These organizations look the same as the one you are adding. Check them first:", "Estas organizaciones parecen iguales a la que está agregando. Revíselas primero:";
    CreateAnyway => "It is a different organization: create it", "Es una organización distinta: crearla";
    NavApply => "Apply to partner", "Solicitar alianza";
    NavApplications => "Applications", "Solicitudes";
    ApplyTitle => "Partner with our schools", "Colabore con nuestras escuelas";
    ApplyIntro => "Tell us about your organization and the program you propose. You can save and come back later with your link.", "Cuéntenos sobre su organización y el programa que propone. Puede guardar y volver más tarde con su enlace.";
    StepOf => "Step", "Paso";
    StepOrganization => "Organization and contact", "Organización y contacto";
    StepProgram => "The program", "El programa";
    StepSchools => "Schools, students and dates", "Escuelas, estudiantes y fechas";
    StepRouting => "A few more questions", "Algunas preguntas más";
    StepReview => "Review and send", "Revisar y enviar";
    Next => "Save and continue", "Guardar y continuar";
    Previous => "Back", "Atrás";
    SendApplication => "Send application", "Enviar solicitud";
    ResumeLinkTitle => "Your link to come back", "Su enlace para volver";
    ResumeLinkText => "We also emailed this link. Keep it: it opens your application.", "También le enviamos este enlace por correo. Guárdelo: abre su solicitud.";
    DraftSaved => "Draft saved.", "Borrador guardado.";
    ApplicationSent => "Thank you! Your application was sent. The office will contact you.", "¡Gracias! Su solicitud fue enviada. La oficina se comunicará con usted.";
    ReturnedMessage => "The office asks for more information:", "La oficina pide más información:";
    ContactPerson => "Contact person", "Persona de contacto";
    ProgramTitle => "Name of the program or service", "Nombre del programa o servicio";
    ProgramDescription => "What will you do, and how?", "¿Qué harán y cómo?";
    Goals => "Goals", "Metas";
    Contributions => "What will you contribute?", "¿Qué aportará?";
    ContribTime => "Time (volunteers)", "Tiempo (voluntarios)";
    ContribTreasure => "Treasure (cash or in-kind)", "Recursos (dinero o en especie)";
    ContribTalent => "Talent (programs or services)", "Talento (programas o servicios)";
    VolunteersExpected => "Expected number of volunteers", "Número esperado de voluntarios";
    CashValue => "Cash, estimated value (US$)", "Dinero, valor estimado (US$)";
    InKindValue => "In-kind, estimated value (US$)", "En especie, valor estimado (US$)";
    InKindDescription => "What is the in-kind donation?", "¿Cuál es la donación en especie?";
    Commitment => "One-time or ongoing?", "¿Única vez o continuo?";
    OneTime => "One-time event", "Evento único";
    Ongoing => "Ongoing commitment", "Compromiso continuo";
    Frequency => "How often? (e.g. weekly)", "¿Con qué frecuencia? (p. ej. semanal)";
    SchoolYear => "School year (e.g. 2026-27)", "Año escolar (p. ej. 2026-27)";
    SchoolsToServe => "Schools to serve", "Escuelas a las que servirá";
    FilterSchools => "Find a school", "Buscar una escuela";
    Departments => "Departments to serve (if not a school)", "Departamentos a los que servirá (si no es una escuela)";
    Grades => "Grades (e.g. K-2)", "Grados (p. ej. K-2)";
    StudentsExpected => "Expected number of students served", "Número esperado de estudiantes atendidos";
    StartDate => "First day", "Primer día";
    EndDate => "Last day", "Último día";
    QForProfit => "Is your organization for-profit?", "¿Su organización tiene fines de lucro?";
    QFree => "Is the program free for participants?", "¿El programa es gratuito para los participantes?";
    QFacilities => "Will it use school district facilities?", "¿Usará instalaciones del distrito escolar?";
    QAfterHours => "Before or after school hours?", "¿Antes o después del horario escolar?";
    QContact => "Will it involve contact with students, staff or families?", "¿Habrá contacto con estudiantes, personal o familias?";
    QStudents => "Will students take part?", "¿Participarán estudiantes?";
    QData => "Will it collect data (surveys, questionnaires, assessments, tests, interviews, focus groups)?", "¿Recopilará datos (encuestas, cuestionarios, evaluaciones, pruebas, entrevistas, grupos focales)?";
    QFinancial => "Do you request a financial commitment from the district?", "¿Solicita un compromiso financiero del distrito?";
    QVirtual => "Does it have a virtual component?", "¿Tiene un componente virtual?";
    Honeypot => "Leave this empty", "Deje esto vacío";
    PipelineTitle => "Partnership applications", "Solicitudes de alianza";
    NoApplications => "No applications here.", "No hay solicitudes aquí.";
    DaysInStage => "days in stage", "días en la etapa";
    AllStages => "All stages", "Todas las etapas";
    Vetting => "Step 1 · Vetting: eligibility criteria", "Paso 1 · Evaluación: criterios de elegibilidad";
    Planning => "Step 2 · Planning: logistics", "Paso 2 · Planificación: logística";
    Formalizing => "Step 3 · Formal processes that apply", "Paso 3 · Procesos formales que aplican";
    NoFormalProcess => "No formal process applies.", "No aplica ningún proceso formal.";
    Why => "Why:", "Por qué:";
    Answers => "Answers", "Respuestas";
    Confirm => "Confirm", "Confirmar";
    NotMet => "Not met", "No cumple";
    NotApplicableRule => "Not applicable", "No aplica";
    Pending => "Pending", "Pendiente";
    Done => "Done", "Hecho";
    NextSteps => "Next step", "Siguiente paso";
    NoteLabel => "Note (required to decline, withdraw or return)", "Nota (obligatoria para rechazar, retirar o devolver)";
    OverrideCriteria => "Admin override: continue although not every criterion is confirmed", "Excepción de administrador: continuar aunque no se confirmen todos los criterios";
    AddNote => "Add staff note", "Agregar nota del personal";
    StaffOnly => "staff only", "solo personal";
    SubtaskStatusLabel => "Status of", "Estado de";
    SchoolServed => "School served", "Escuela atendida";
    WithdrawTitle => "Withdraw this application", "Retirar esta solicitud";
    WithdrawReason => "Why are you withdrawing? (required)", "¿Por qué la retira? (obligatorio)";
    Withdraw => "Withdraw", "Retirar";
    AssignToMe => "Assign to me", "Asignármela";
    NotRequired => "not required", "no requerido";
    RequireAgreementWhy => "Why require the agreement for this one-time event? (kept in the history)", "¿Por qué exigir el acuerdo para este evento único? (queda en el historial)";
    RequireAgreement => "Require an agreement anyway", "Exigir el acuerdo de todos modos";
    DocumentLocked => "The file cannot change while signatures are requested: return the agreement to draft for a new version (and a new round of signatures).", "El archivo no puede cambiar mientras se piden las firmas: devuelva el acuerdo a borrador para una nueva versión (y una nueva ronda de firmas).";
    SignedFile => "The file version that was signed", "La versión del archivo que se firmó";
    PossibleMatch => "Possible match in the directory", "Posible coincidencia en el directorio";
    PossibleMatchExplain => "This application looks like it comes from an organization already in the directory (same EIN, or a similar name and website). Nothing is linked until you decide; until then that organization's logins do not see it.", "Esta solicitud parece venir de una organización que ya está en el directorio (mismo EIN, o nombre y sitio web parecidos). No se vincula nada hasta que usted decida; mientras tanto, las cuentas de esa organización no la ven.";
    LinkToMatch => "It is this organization: link it", "Es esta organización: vincularla";
    NewOrganizationForMatch => "It is not: create a new organization", "No lo es: crear una organización nueva";
    Owner => "Owner", "Responsable";
    Unassigned => "Unassigned", "Sin asignar";
    MineOnly => "Assigned to me", "Asignadas a mí";
    NetworkError => "Cannot reach the server. Check your connection and try again.", "No se puede conectar con el servidor. Revise su conexión e intente de nuevo.";
}

/// The UI language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// The current language.
    pub lang: RwSignal<Lang>,
}

const STORAGE_KEY: &str = "partnerhub.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl I18n {
    /// The remembered language, else the browser's (Spanish if it prefers Spanish).
    pub fn load() -> Self {
        let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let lang = match saved.as_deref() {
            Some("es") => Lang::Es,
            Some("en") => Lang::En,
            _ => {
                let nav = web_sys::window()
                    .and_then(|w| w.navigator().language())
                    .unwrap_or_default();
                if nav.starts_with("es") {
                    Lang::Es
                } else {
                    Lang::En
                }
            }
        };
        let me = Self {
            lang: RwSignal::new(lang),
        };
        me.apply(lang);
        me
    }

    fn apply(&self, lang: Lang) {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.tag());
        }
    }

    /// Switches language and remembers it.
    pub fn toggle(&self) {
        let next = match self.lang.get_untracked() {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        };
        self.lang.set(next);
        self.apply(next);
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, next.tag());
        }
    }

    /// The text of a key in the current language (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }

    /// The label of a school level.
    pub fn level(&self, l: SchoolLevel) -> &'static str {
        match (self.lang.get(), l) {
            (Lang::En, SchoolLevel::Elementary) => "Elementary",
            (Lang::Es, SchoolLevel::Elementary) => "Primaria",
            (Lang::En, SchoolLevel::Middle) => "Middle",
            (Lang::Es, SchoolLevel::Middle) => "Secundaria",
            (Lang::En, SchoolLevel::High) => "High",
            (Lang::Es, SchoolLevel::High) => "Preparatoria",
            (_, SchoolLevel::K8) => "K-8",
            (Lang::En, SchoolLevel::Other) => "Other",
            (Lang::Es, SchoolLevel::Other) => "Otra",
        }
    }

    /// The label of a designation.
    pub fn designation(&self, d: Designation) -> &'static str {
        match (self.lang.get(), d) {
            (Lang::En, Designation::None) => "None",
            (Lang::Es, Designation::None) => "Ninguna",
            (_, Designation::Csi) => "CSI",
            (_, Designation::Tsi) => "TSI",
        }
    }

    /// The label of a school status.
    pub fn school_status(&self, s: SchoolStatus) -> &'static str {
        match (self.lang.get(), s) {
            (Lang::En, SchoolStatus::Active) => "Active",
            (Lang::Es, SchoolStatus::Active) => "Activa",
            (Lang::En, SchoolStatus::Archived) => "Archived",
            (Lang::Es, SchoolStatus::Archived) => "Archivada",
        }
    }

    /// The label of a user status.
    pub fn user_status(&self, s: UserStatus) -> &'static str {
        match (self.lang.get(), s) {
            (Lang::En, UserStatus::Active) => "Active",
            (Lang::Es, UserStatus::Active) => "Activo",
            (Lang::En, UserStatus::Deactivated) => "Deactivated",
            (Lang::Es, UserStatus::Deactivated) => "Desactivado",
        }
    }

    /// The label of a role.
    pub fn role(&self, r: Role) -> &'static str {
        match (self.lang.get(), r) {
            (Lang::En, Role::Admin) => "Administrator",
            (Lang::Es, Role::Admin) => "Administrador",
            (Lang::En, Role::Staff) => "Partnership office staff",
            (Lang::Es, Role::Staff) => "Personal de la oficina de alianzas",
            (Lang::En, Role::SchoolCoordinator) => "School coordinator",
            (Lang::Es, Role::SchoolCoordinator) => "Coordinador escolar",
            (Lang::En, Role::Partner) => "Partner contact",
            (Lang::Es, Role::Partner) => "Contacto de organización aliada",
            (Lang::En, Role::Volunteer) => "Volunteer",
            (Lang::Es, Role::Volunteer) => "Voluntario",
        }
    }
}

impl I18n {
    /// The label of an organization type.
    pub fn org_type(&self, t: OrganizationType) -> &'static str {
        let es = self.lang.get() == Lang::Es;
        match t {
            OrganizationType::Business => {
                if es {
                    "Empresa"
                } else {
                    "Business"
                }
            }
            OrganizationType::FaithBased => {
                if es {
                    "Organización religiosa"
                } else {
                    "Faith-based"
                }
            }
            OrganizationType::Civic => {
                if es {
                    "Organización cívica"
                } else {
                    "Civic"
                }
            }
            OrganizationType::GovernmentAgency => {
                if es {
                    "Agencia gubernamental"
                } else {
                    "Government agency"
                }
            }
            OrganizationType::EducationalInstitution => {
                if es {
                    "Institución educativa"
                } else {
                    "Educational institution"
                }
            }
            OrganizationType::Nonprofit => {
                if es {
                    "Sin fines de lucro"
                } else {
                    "Nonprofit"
                }
            }
            OrganizationType::Grassroots => {
                if es {
                    "Grupo comunitario"
                } else {
                    "Grassroots / community"
                }
            }
        }
    }

    /// The label of a tax status.
    pub fn tax_status(&self, t: TaxStatus) -> &'static str {
        let es = self.lang.get() == Lang::Es;
        match t {
            TaxStatus::Nonprofit => {
                if es {
                    "Sin fines de lucro"
                } else {
                    "Nonprofit"
                }
            }
            TaxStatus::ForProfit => {
                if es {
                    "Con fines de lucro"
                } else {
                    "For-profit"
                }
            }
            TaxStatus::Government => {
                if es {
                    "Gobierno"
                } else {
                    "Government"
                }
            }
        }
    }

    /// The label of an organization status.
    pub fn org_status(&self, s: OrganizationStatus) -> &'static str {
        let es = self.lang.get() == Lang::Es;
        match s {
            OrganizationStatus::Prospect => {
                if es {
                    "Prospecto"
                } else {
                    "Prospect"
                }
            }
            OrganizationStatus::Applicant => {
                if es {
                    "Solicitante"
                } else {
                    "Applicant"
                }
            }
            OrganizationStatus::ActivePartner => {
                if es {
                    "Aliado activo"
                } else {
                    "Active partner"
                }
            }
            OrganizationStatus::Inactive => {
                if es {
                    "Inactivo"
                } else {
                    "Inactive"
                }
            }
        }
    }

    /// The label of a support area.
    pub fn support_area(&self, a: SupportArea) -> &'static str {
        let es = self.lang.get() == Lang::Es;
        match a {
            SupportArea::Academics => {
                if es {
                    "Académico"
                } else {
                    "Academics"
                }
            }
            SupportArea::SocialEmotionalLearning => {
                if es {
                    "Aprendizaje socioemocional"
                } else {
                    "Social emotional learning"
                }
            }
            SupportArea::WorkBasedLearning => {
                if es {
                    "Aprendizaje basado en el trabajo"
                } else {
                    "Work-based learning"
                }
            }
            SupportArea::PostsecondaryAttainment => {
                if es {
                    "Logro postsecundario"
                } else {
                    "Postsecondary attainment"
                }
            }
            SupportArea::HealthWellness => {
                if es {
                    "Salud y bienestar"
                } else {
                    "Health & wellness"
                }
            }
            SupportArea::SocialCivicFamilyLife => {
                if es {
                    "Vida social, cívica y familiar"
                } else {
                    "Social, civic & family life"
                }
            }
            SupportArea::SchoolLife => {
                if es {
                    "Vida escolar"
                } else {
                    "School life"
                }
            }
        }
    }
}

impl I18n {
    fn pick(&self, en: &'static str, es: &'static str) -> &'static str {
        if self.lang.get() == Lang::Es { es } else { en }
    }

    /// The label of an application status.
    pub fn app_status(&self, s: ApplicationStatus) -> &'static str {
        use ApplicationStatus::*;
        match s {
            Draft => self.pick("Draft", "Borrador"),
            Submitted => self.pick("Submitted", "Enviada"),
            Vetting => self.pick("Vetting", "En evaluación"),
            Planning => self.pick("Planning", "En planificación"),
            Formalizing => self.pick("Formalizing", "En formalización"),
            Approved => self.pick("Approved", "Aprobada"),
            Declined => self.pick("Declined", "Rechazada"),
            Withdrawn => self.pick("Withdrawn", "Retirada"),
            ReturnedForInformation => {
                self.pick("Returned for information", "Devuelta para más información")
            }
        }
    }

    /// The label of a step.
    pub fn app_action(&self, a: ApplicationAction) -> &'static str {
        use ApplicationAction::*;
        match a {
            Submit => self.pick("Submit", "Enviar"),
            StartVetting => self.pick("Start vetting", "Comenzar evaluación"),
            StartPlanning => self.pick("Move to planning", "Pasar a planificación"),
            StartFormalizing => self.pick("Move to formalizing", "Pasar a formalización"),
            Approve => self.pick("Approve", "Aprobar"),
            Decline => self.pick("Decline", "Rechazar"),
            Withdraw => self.pick("Withdraw", "Retirar"),
            ReturnForInformation => {
                self.pick("Return for information", "Devolver para más información")
            }
            Resubmit => self.pick("Resubmit", "Reenviar"),
        }
    }

    /// The label of an eligibility criterion.
    pub fn criterion(&self, c: EligibilityCriterion) -> &'static str {
        use EligibilityCriterion::*;
        match c {
            RelationshipThroughDistrict => self.pick(
                "Relationship built through a district department or school",
                "Relación establecida a través de un departamento o escuela del distrito",
            ),
            FormalAgreement => self.pick(
                "A formal documented agreement between the parties",
                "Un acuerdo formal documentado entre las partes",
            ),
            LinkedToPriorities => self.pick(
                "Programs linked to district priorities and outcomes",
                "Programas vinculados a las prioridades y resultados del distrito",
            ),
            JointDeliverables => self.pick(
                "Deliverables jointly defined with the partner and the department or school",
                "Entregables definidos en conjunto con el aliado y el departamento o escuela",
            ),
            EstablishedAligned => self.pick(
                "An established organization whose programs align with the support areas",
                "Una organización establecida cuyos programas se alinean con las áreas de apoyo",
            ),
        }
    }

    /// The label of a planning item.
    pub fn planning_item(&self, p: PlanningItem) -> &'static str {
        use PlanningItem::*;
        match p {
            StudentPermissionForms => self.pick("A permission form for each participating student", "Un formulario de permiso para cada estudiante participante"),
            ProtectedVirtualPlatform => self.pick("A password-protected virtual platform, link and password shared with school staff", "Una plataforma virtual protegida con contraseña, compartida con el personal escolar"),
            VolunteerClearances => self.pick("Volunteer and staff clearances under the district's volunteer process", "Autorizaciones de voluntarios y personal según el proceso del distrito"),
            FinalReportAgreement => self.pick("Agreement to submit a final report with metrics", "Acuerdo de entregar un informe final con métricas"),
            GuidelinesAcknowledged => self.pick("Volunteer and visitor guidelines acknowledged (one-time event)", "Pautas para voluntarios y visitantes aceptadas (evento único)"),
        }
    }

    /// The label of a formal process.
    pub fn process(&self, p: FormalProcess) -> &'static str {
        use FormalProcess::*;
        match p {
            PartnershipAgreement => self.pick(
                "Community Partnerships & Family Engagement agreement",
                "Acuerdo de Alianzas Comunitarias y Participación Familiar",
            ),
            CommunityUseOfSchools => self.pick(
                "Community Use of Schools",
                "Uso comunitario de las escuelas",
            ),
            DataCollection => self.pick(
                "Data Collection and Requests (Office of Accountability)",
                "Recopilación y solicitudes de datos (Oficina de Rendición de Cuentas)",
            ),
            Procurement => self.pick("Procurement", "Compras"),
        }
    }

    /// The text of a routing reason.
    pub fn reason(&self, r: Reason) -> &'static str {
        use Reason::*;
        match r {
            Nonprofit => self.pick("nonprofit partner", "aliado sin fines de lucro"),
            GovernmentAgency => self.pick(
                "government agency (a partner by the process's definition)",
                "agencia de gobierno (aliado según la definición del proceso)",
            ),
            UsesFacilities => {
                self.pick("uses district facilities", "usa instalaciones del distrito")
            }
            ContactWithPeople => self.pick(
                "contact with students, staff or families",
                "contacto con estudiantes, personal o familias",
            ),
            FreeForAttendees => self.pick("free for attendees", "gratuito para los asistentes"),
            OutsideSchoolHours => self.pick(
                "facilities used before or after school hours",
                "instalaciones usadas antes o después del horario escolar",
            ),
            NotFree => self.pick(
                "not free to participants",
                "no es gratuito para los participantes",
            ),
            ForProfit => self.pick("for-profit organization", "organización con fines de lucro"),
            CollectsData => self.pick("collects data", "recopila datos"),
            FinancialCommitment => self.pick(
                "requests a financial commitment from the district",
                "solicita un compromiso financiero del distrito",
            ),
            StudentsParticipate => self.pick("students take part", "participan estudiantes"),
            VirtualComponent => self.pick("has a virtual component", "tiene un componente virtual"),
            OneTimeEvent => self.pick(
                "one-time event (may not require a formal agreement)",
                "evento único (puede no requerir un acuerdo formal)",
            ),
            RequiredByStaff => self.pick("required by the office", "exigido por la oficina"),
            OnSiteOrContact => self.pick(
                "people on a campus, or contact with students, staff or families",
                "personas en un plantel, o contacto con estudiantes, personal o familias",
            ),
            Always => self.pick("every program", "todo programa"),
        }
    }

    /// The label of a sub-task status.
    pub fn subtask_status(&self, s: SubtaskStatus) -> &'static str {
        match s {
            SubtaskStatus::Open => self.pick("Open", "Abierta"),
            SubtaskStatus::InProgress => self.pick("In progress", "En curso"),
            SubtaskStatus::Done => self.pick("Done", "Hecha"),
            SubtaskStatus::NotNeeded => self.pick("Not needed", "No necesaria"),
        }
    }
}

/// The `I18n` of the app.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

impl I18n {
    /// The label of an agreement status.
    pub fn agreement_status(&self, s: AgreementStatus) -> &'static str {
        use AgreementStatus::*;
        match s {
            Draft => self.pick("Draft", "Borrador"),
            InReview => self.pick("In review", "En revisión"),
            AwaitingSignatures => self.pick("Awaiting signatures", "Esperando firmas"),
            Active => self.pick("Active", "Activo"),
            RenewalPending => self.pick("Active, renewal pending", "Activo, renovación pendiente"),
            Expired => self.pick("Expired", "Vencido"),
            Terminated => self.pick("Terminated", "Terminado"),
        }
    }

    /// The label of an agreement kind.
    pub fn agreement_kind(&self, k: AgreementKind) -> &'static str {
        use AgreementKind::*;
        match k {
            CommunityPartnership => self.pick(
                "Community partnership agreement",
                "Acuerdo de alianza comunitaria",
            ),
            FacilitiesUse => self.pick("Facilities use", "Uso de instalaciones"),
            DataSharing => self.pick(
                "Data sharing / research",
                "Intercambio de datos / investigación",
            ),
            Procurement => self.pick("Procurement contract", "Contrato de compras"),
            Other => self.pick("Other", "Otro"),
        }
    }

    /// The label of a step of an agreement.
    pub fn agreement_action(&self, a: AgreementAction) -> &'static str {
        use AgreementAction::*;
        match a {
            SubmitForReview => self.pick("Send for review", "Enviar a revisión"),
            ReturnToDraft => self.pick("Return to draft", "Devolver a borrador"),
            SendForSignature => self.pick("Send for signature", "Enviar a firma"),
            Activate => self.pick("Activate", "Activar"),
            StartRenewal => self.pick("Start renewal", "Iniciar renovación"),
            Renew => self.pick("Renew", "Renovar"),
            Expire => self.pick("Expire", "Vencer"),
            Terminate => self.pick("Terminate", "Terminar"),
        }
    }

    /// The label of a history entry's action that is not a status change.
    pub fn history_action(&self, a: &str) -> String {
        match a {
            "create" => self.pick("Drafted", "Redactado").into(),
            "sign_district" => self
                .pick("Signed for the district", "Firmado por el distrito")
                .into(),
            "sign_partner" => self
                .pick("Signed for the partner", "Firmado por el socio")
                .into(),
            "upload" => self.pick("Document uploaded", "Documento subido").into(),
            "final_report" => self
                .pick("Final report sent", "Informe final enviado")
                .into(),
            "accept_final_report" => self
                .pick("Final report accepted", "Informe final aceptado")
                .into(),
            "request_final_report_changes" => self
                .pick(
                    "Changes to the final report requested",
                    "Se pidieron cambios al informe final",
                )
                .into(),
            other => other.replace('_', " "),
        }
    }

    /// The label of a deliverable's status.
    pub fn deliverable_status(&self, s: DeliverableStatus) -> &'static str {
        use DeliverableStatus::*;
        match s {
            Planned => self.pick("Planned", "Planificado"),
            InProgress => self.pick("In progress", "En curso"),
            Met => self.pick("Met", "Cumplido"),
            NotMet => self.pick("Not met", "No cumplido"),
        }
    }

    /// Who delivers.
    pub fn responsible(&self, r: Responsible) -> &'static str {
        match r {
            Responsible::Partner => self.pick("Partner", "Socio"),
            Responsible::District => self.pick("District", "Distrito"),
            Responsible::School => self.pick("School", "Escuela"),
        }
    }

    /// A party to an agreement.
    pub fn party(&self, p: Party) -> &'static str {
        match p {
            Party::District => self.pick("District", "Distrito"),
            Party::Partner => self.pick("Partner", "Socio"),
        }
    }

    /// The review status of a final report.
    pub fn report_status(&self, s: ReportReview) -> &'static str {
        match s {
            ReportReview::Accepted => self.pick("Accepted", "Aceptado"),
            ReportReview::ChangesRequested => self.pick("Changes requested", "Cambios solicitados"),
            ReportReview::Submitted => self.pick("Submitted", "Enviado"),
        }
    }
}

impl I18n {
    /// Where an hour entry stands.
    pub fn hour_status(&self, s: HourStatus) -> &'static str {
        match s {
            HourStatus::Open => self.pick("Checked in", "Registrado"),
            HourStatus::Pending => self.pick("Waiting for approval", "Pendiente de aprobación"),
            HourStatus::Approved => self.pick("Approved", "Aprobada"),
            HourStatus::Rejected => self.pick("Rejected", "Rechazada"),
        }
    }

    /// Where a sign-up stands.
    pub fn signup_status(&self, s: SignupStatus) -> &'static str {
        match s {
            SignupStatus::Confirmed => self.pick("Confirmed", "Confirmado"),
            SignupStatus::Waitlisted => self.pick("Waitlist", "Lista de espera"),
            SignupStatus::Cancelled => self.pick("Cancelled", "Cancelado"),
        }
    }

    /// How a volunteer relates to the district.
    pub fn volunteer_kind(&self, k: VolunteerKind) -> &'static str {
        match k {
            VolunteerKind::ParentGuardian => {
                self.pick("Parent or guardian", "Madre, padre o tutor")
            }
            VolunteerKind::CommunityMember => {
                self.pick("Community member", "Miembro de la comunidad")
            }
            VolunteerKind::PartnerAffiliated => {
                self.pick("With a partner organization", "De una organización aliada")
            }
            VolunteerKind::CollegeStudent => {
                self.pick("College student", "Estudiante universitario")
            }
            VolunteerKind::Employee => self.pick("District employee", "Empleado del distrito"),
        }
    }

    /// A volunteer interest.
    pub fn interest(&self, i: Interest) -> &'static str {
        match i {
            Interest::Tutor => self.pick("Tutor", "Dar tutoría"),
            Interest::Mentor => self.pick("Mentor", "Ser mentor"),
            Interest::ReadWithStudent => self.pick("Read with a student", "Leer con un estudiante"),
            Interest::OrganizeProgram => self.pick(
                "Organize a volunteer program",
                "Organizar un programa de voluntariado",
            ),
            Interest::Speaker => self.pick("Speaker", "Dar una charla"),
            Interest::CareerDay => self.pick(
                "Career day or college tour",
                "Día de carreras o visita universitaria",
            ),
            Interest::Clerical => self.pick("Clerical help", "Apoyo administrativo"),
            Interest::MarketingPr => self.pick(
                "Marketing / PR help",
                "Apoyo de mercadeo / relaciones públicas",
            ),
            Interest::Chaperone => self.pick("Chaperone field trips", "Acompañar excursiones"),
            Interest::SponsorProgram => self.pick("Sponsor a program", "Patrocinar un programa"),
        }
    }

    /// A kind of clearance.
    pub fn clearance_type(&self, t: ClearanceType) -> &'static str {
        match t {
            ClearanceType::AnnualBackgroundCheck => self.pick(
                "Annual volunteer registration / background check",
                "Registro anual de voluntario / verificación de antecedentes",
            ),
            ClearanceType::Fingerprinting => self.pick(
                "Fingerprinting (overnight trips)",
                "Huellas digitales (viajes con pernocta)",
            ),
            ClearanceType::Training => self.pick("Training", "Capacitación"),
        }
    }

    /// A clearance status.
    pub fn clearance_status(&self, s: ClearanceStatus) -> &'static str {
        match s {
            ClearanceStatus::Pending => self.pick("Pending", "Pendiente"),
            ClearanceStatus::Cleared => self.pick("Cleared", "Autorizado"),
            ClearanceStatus::Denied => self.pick("Denied", "Denegado"),
            ClearanceStatus::Expired => self.pick("Expired", "Vencido"),
        }
    }
}

impl I18n {
    /// Time, treasure or talent.
    pub fn help_kind(&self, k: HelpKind) -> &'static str {
        match k {
            HelpKind::Time => self.pick("Time (volunteers)", "Tiempo (voluntarios)"),
            HelpKind::Treasure => self.pick("Treasure (donations)", "Tesoro (donaciones)"),
            HelpKind::Talent => self.pick("Talent (skills)", "Talento (habilidades)"),
        }
    }

    /// What a need's ask counts.
    pub fn ask_unit(&self, u: AskUnit) -> &'static str {
        match u {
            AskUnit::VolunteerSlots => self.pick("Volunteer slots", "Cupos de voluntarios"),
            AskUnit::Dollars => self.pick("Dollars", "Dólares"),
            AskUnit::Items => self.pick("Items", "Artículos"),
            AskUnit::Hours => self.pick("Hours", "Horas"),
        }
    }

    /// Where a need stands.
    pub fn need_status(&self, s: NeedStatus) -> &'static str {
        match s {
            NeedStatus::Open => self.pick("Open", "Abierta"),
            NeedStatus::PartlyMet => self.pick("Partly met", "Atendida en parte"),
            NeedStatus::Met => self.pick("Met", "Atendida"),
            NeedStatus::Withdrawn => self.pick("Withdrawn", "Retirada"),
        }
    }

    /// A step of a need's status.
    pub fn need_action(&self, a: NeedAction) -> &'static str {
        match a {
            NeedAction::PartlyMeet => self.pick("Mark partly met", "Marcar como atendida en parte"),
            NeedAction::Meet => self.pick("Mark met", "Marcar como atendida"),
            NeedAction::Withdraw => self.pick("Withdraw", "Retirar"),
            NeedAction::Reopen => self.pick("Reopen", "Reabrir"),
        }
    }

    /// Where an offer stands.
    pub fn offer_status(&self, s: OfferStatus) -> &'static str {
        match s {
            OfferStatus::Active => self.pick("Active", "Activa"),
            OfferStatus::Paused => self.pick("Paused", "En pausa"),
            OfferStatus::Closed => self.pick("Closed", "Cerrada"),
        }
    }

    /// A kind of family resource.
    pub fn resource_category(&self, c: ResourceCategory) -> &'static str {
        use ResourceCategory as C;
        match c {
            C::Food => self.pick("Food", "Comida"),
            C::BasicNeeds => self.pick("Clothing and supplies", "Ropa y útiles"),
            C::Health => self.pick("Health and wellness", "Salud y bienestar"),
            C::Tutoring => self.pick("Tutoring and homework help", "Tutorías y ayuda con tareas"),
            C::Enrichment => self.pick("Arts, sports and clubs", "Arte, deportes y clubes"),
            C::FamilyLearning => self.pick("Learning for families", "Aprendizaje para familias"),
            C::Other => self.pick("Other help", "Otra ayuda"),
        }
    }

    /// A language a resource is offered in, named in the UI's language.
    pub fn resource_language(&self, l: ResourceLanguage) -> &'static str {
        use ResourceLanguage as L;
        match l {
            L::En => self.pick("English", "Inglés"),
            L::Es => self.pick("Spanish", "Español"),
            L::Vi => self.pick("Vietnamese", "Vietnamita"),
            L::Ar => self.pick("Arabic", "Árabe"),
            L::Fr => self.pick("French", "Francés"),
        }
    }

    /// Where a proposed match stands.
    pub fn match_status(&self, s: MatchStatus) -> &'static str {
        match s {
            MatchStatus::Proposed => self.pick("Proposed", "Propuesta"),
            MatchStatus::Accepted => self.pick("Accepted", "Aceptada"),
            MatchStatus::Declined => self.pick("Declined", "Rechazada"),
            MatchStatus::Withdrawn => self.pick("Withdrawn", "Retirada"),
        }
    }

    /// How the donation totals are grouped.
    pub fn donation_grouping(&self, g: DonationGrouping) -> &'static str {
        match g {
            DonationGrouping::Partner => self.pick("Partner", "Socio"),
            DonationGrouping::School => self.pick("School", "Escuela"),
            DonationGrouping::SupportArea => self.pick("Support area", "Área de apoyo"),
            DonationGrouping::SchoolYear => self.pick("School year", "Año escolar"),
        }
    }

    /// Cash or in kind.
    pub fn donation_kind(&self, k: DonationKind) -> &'static str {
        match k {
            DonationKind::Cash => self.pick("Cash", "Efectivo"),
            DonationKind::InKind => self.pick("In kind", "En especie"),
        }
    }

    /// Where a donation stands.
    pub fn donation_status(&self, s: DonationStatus) -> &'static str {
        match s {
            DonationStatus::Recorded => self.pick("Recorded", "Registrada"),
            DonationStatus::Voided => self.pick("Voided", "Anulada"),
        }
    }

    /// A step of a donation.
    pub fn donation_action(&self, a: DonationAction) -> &'static str {
        match a {
            DonationAction::Void => {
                self.pick("Void (recorded in error)", "Anular (registrada por error)")
            }
            DonationAction::Restore => self.pick("Restore", "Restablecer"),
        }
    }

    /// A step of a proposed match.
    pub fn match_action(&self, a: MatchAction) -> &'static str {
        match a {
            MatchAction::Accept => self.pick("Accept", "Aceptar"),
            MatchAction::Decline => self.pick("Decline", "Rechazar"),
            MatchAction::Withdraw => self.pick("Withdraw", "Retirar"),
            MatchAction::Propose => self.pick("Propose again", "Proponer de nuevo"),
        }
    }

    /// A step of an offer's status.
    pub fn offer_action(&self, a: OfferAction) -> &'static str {
        match a {
            OfferAction::Pause => self.pick("Pause", "Pausar"),
            OfferAction::Resume => self.pick("Resume", "Reanudar"),
            OfferAction::Close => self.pick("Close", "Cerrar"),
            OfferAction::Reopen => self.pick("Reopen", "Reabrir"),
        }
    }

    /// Why a match got points.
    pub fn match_reason(&self, r: MatchReason) -> &'static str {
        use MatchReason as R;
        match r {
            R::SupportArea => self.pick(
                "helps with the need's support area",
                "ayuda en el área de apoyo de la necesidad",
            ),
            R::HelpKind => self.pick("the same kind of help", "el mismo tipo de ayuda"),
            R::ServesSchool => self.pick("names this school", "incluye esta escuela"),
            R::ServesRegion => self.pick(
                "serves the school's region",
                "atiende la región de la escuela",
            ),
            R::ServesLevel => self.pick(
                "serves the school's level",
                "atiende el nivel de la escuela",
            ),
            R::ServesDistrict => {
                self.pick("serves the whole district", "atiende a todo el distrito")
            }
            R::CapacityCovers => self.pick(
                "capacity covers the whole ask",
                "la capacidad cubre todo lo pedido",
            ),
            R::CapacityPartial => self.pick(
                "capacity covers part of the ask",
                "la capacidad cubre parte de lo pedido",
            ),
            R::GoodStanding => self.pick(
                "the partner has an active MOU",
                "el socio tiene un acuerdo vigente",
            ),
            R::DeliverablesMet => self.pick(
                "deliverables the partner met",
                "compromisos cumplidos por el socio",
            ),
            R::PrimaryNeed => self.pick(
                "one of the school's primary needs",
                "una de las necesidades principales de la escuela",
            ),
            R::Waiting => self.pick("the need has waited", "la necesidad lleva tiempo esperando"),
        }
    }

    /// A plan goal or a pillar priority.
    pub fn priority_kind(&self, k: PriorityKind) -> &'static str {
        match k {
            PriorityKind::Goal => self.pick("Plan goal", "Meta del plan"),
            PriorityKind::Pillar => self.pick("Pillar priority", "Prioridad de un pilar"),
        }
    }
}
