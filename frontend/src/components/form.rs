//! What every form keeps between its fields and the API: the per-field errors, the problem
//! shown above the fields, and whether a request is in flight. A form starts a submission with
//! [`FormState::start`], ends it with [`FormState::done`] or [`FormState::fail`], and shows the
//! problem with [`ProblemBanner`]; a concurrent edit (412) offers to reload.

use leptos::prelude::*;
use std::collections::HashMap;

use client::ClientError;

use crate::api::{error_text, field_errors};
use crate::components::field::FieldErrors;
use crate::i18n::{I18n, Key};

/// The problem shown above a form's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FormProblem {
    /// What went wrong, in the UI's language.
    pub text: String,
    /// Someone changed the record since it was read (412): reloading shows their change.
    pub stale: bool,
}

/// A form's state between its fields and the API.
#[derive(Clone, Copy)]
pub struct FormState {
    /// Errors by field name (the API's 422, or the form's own checks).
    pub errors: FieldErrors,
    /// The problem above the fields.
    pub problem: RwSignal<Option<FormProblem>>,
    /// A request is in flight (the submit button is disabled).
    pub busy: RwSignal<bool>,
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

impl FormState {
    /// A form with nothing wrong and nothing in flight.
    pub fn new() -> Self {
        Self {
            errors: RwSignal::new(HashMap::new()),
            problem: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    /// Starts a submission: clears the last one's errors. False (do nothing) while one is in
    /// flight, so a double tap sends one request.
    pub fn start(&self) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        self.busy.set(true);
        self.problem.set(None);
        self.errors.set(HashMap::new());
        true
    }

    /// The request succeeded.
    pub fn done(&self) {
        self.busy.set(false);
    }

    /// The form's own checks failed before anything was sent: shows `errors` and moves focus
    /// to the first of them.
    pub fn invalid(&self, i18n: &I18n, errors: HashMap<String, String>) {
        self.busy.set(false);
        self.errors.set(errors);
        self.problem.set(Some(FormProblem {
            text: i18n.t(Key::FixErrors).to_string(),
            stale: false,
        }));
        request_animation_frame(focus_first_error);
    }

    /// The API refused: shows its field errors beside the fields (keeping the form's own) and
    /// its problem above them, and moves focus to the first error.
    pub fn fail(&self, i18n: &I18n, e: &ClientError) {
        self.busy.set(false);
        let fields = field_errors(i18n, e);
        self.errors.update(|m| m.extend(fields));
        self.problem.set(Some(FormProblem {
            text: error_text(i18n, e),
            stale: e.status() == Some(412),
        }));
        request_animation_frame(focus_first_error);
    }
}

/// The problem above a form's fields, announced to screen readers; after a concurrent edit it
/// offers to reload the record.
#[component]
pub fn ProblemBanner(form: FormState) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let problem = form.problem;
    view! {
        <Show when=move || problem.get().is_some()>
            <div class="state error" role="alert">
                <p>{move || problem.get().map(|p| p.text)}</p>
                <Show when=move || problem.get().is_some_and(|p| p.stale)>
                    <button type="button" on:click=move |_| { let _ = web_sys::window().map(|w| w.location().reload()); }>
                        {move || i18n.t(Key::Reload)}
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// Moves keyboard focus to the first invalid field, or to the problem above the fields.
pub fn focus_first_error() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let el = doc
        .query_selector("[aria-invalid='true']")
        .ok()
        .flatten()
        .or_else(|| doc.query_selector("[role='alert']").ok().flatten());
    if let Some(el) =
        el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = el.focus();
    }
}
