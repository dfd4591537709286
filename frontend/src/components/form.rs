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

/// The status steps a record allows now, one button each, with the optional reason they are
/// sent with; `send` makes the request, `on_done` reloads the record after it.
#[component]
pub fn StatusSteps<A, L, F, Fut, T>(
    /// The heading's id (labels the section; starts the reason field's id).
    heading_id: &'static str,
    /// The current status, in the UI's language.
    #[prop(into)]
    status: Signal<&'static str>,
    /// The steps allowed now.
    steps: Vec<A>,
    /// A step's button label.
    step_label: L,
    /// Sends a step and its reason.
    send: F,
    /// Called after a step succeeded.
    on_done: Callback<()>,
    /// Every step needs a reason (the label says so).
    #[prop(optional)]
    reason_required: bool,
) -> impl IntoView
where
    A: Copy + Send + Sync + 'static,
    L: Fn(A) -> &'static str + Copy + Send + Sync + 'static,
    F: Fn(client::Client, A, String) -> Fut + Copy + 'static,
    Fut: std::future::Future<Output = Result<T, ClientError>> + 'static,
    T: 'static,
{
    use crate::components::field::TextField;
    let auth = crate::api::use_auth();
    let i18n = crate::i18n::use_i18n();
    let reason = RwSignal::new(String::new());
    let form = FormState::new();
    let act = move |step: A| {
        if !form.start() {
            return;
        }
        let text = reason.get_untracked();
        leptos::task::spawn_local(async move {
            match auth.call(|c| send(c, step, text.clone())).await {
                Ok(_) => {
                    form.done();
                    on_done.run(())
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby=heading_id>
            <h2 id=heading_id>{move || i18n.t(Key::Status)} ": " {move || status.get()}</h2>
            <ProblemBanner form=form/>
            <TextField name="reason" id_prefix=format!("{heading_id}-") label=Signal::derive(move || i18n.t(if reason_required { Key::StatusReasonRequired } else { Key::NeedStatusReason })) value=reason errors=form.errors required=reason_required/>
            <div class="actions">
                {steps.into_iter().map(|a| view! {
                    <button type="button" disabled=move || form.busy.get() on:click=move |_| act(a)>{move || step_label(a)}</button>
                }).collect_view()}
            </div>
        </section>
    }
}
