//! Labelled form fields that show the API's per-field errors.

use leptos::prelude::*;
use std::collections::HashMap;

/// Field errors by field name, from a 422 problem.
pub type FieldErrors = RwSignal<HashMap<String, String>>;

/// A text input with a visible label and its error.
#[component]
pub fn TextField(
    /// The field's name (matches the API's field name).
    name: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The value.
    value: RwSignal<String>,
    /// Errors of the form.
    errors: FieldErrors,
    /// `text`, `email`, `password`…
    #[prop(default = "text")]
    kind: &'static str,
    /// The browser's autocomplete hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Required for submission.
    #[prop(default = false)]
    required: bool,
    /// Makes the element ids unique when a page repeats a form.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let id = format!("{id_prefix}f-{name}");
    let err_id = format!("{id_prefix}f-{name}-error");
    let err = move || errors.with(|e| e.get(name).cloned());
    view! {
        <div class="field" class:invalid=move || err().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || if err().is_some() { "true" } else { "false" }
                aria-describedby=err_id.clone()
            />
            <p class="field-error" id=err_id aria-live="polite">{err}</p>
        </div>
    }
}

/// A select with a visible label and its error. Options are (value, label) pairs.
#[component]
pub fn SelectField(
    name: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    errors: FieldErrors,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = format!("f-{name}");
    let err_id = format!("f-{name}-error");
    let err = move || errors.with(|e| e.get(name).cloned());
    view! {
        <div class="field" class:invalid=move || err().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev)) aria-describedby=err_id.clone()>
                {move || options.get().into_iter().map(|(v, l)| {
                    let selected = value.get() == v;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=err_id aria-live="polite">{err}</p>
        </div>
    }
}

/// A checkbox with a visible label.
#[component]
pub fn CheckField(
    name: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<bool>,
    /// Makes the element id unique when a page repeats a form.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let id = format!("{id_prefix}f-{name}");
    view! {
        <div class="field check">
            <input id=id.clone() name=name type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            <label for=id>{move || label.get()}</label>
        </div>
    }
}

/// The (value, label) pairs of a [`SelectField`] for every value of an enum.
pub fn options<T: Copy>(
    all: &[T],
    label: impl Fn(T) -> &'static str,
    name: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (name(*v).to_string(), label(*v).to_string()))
        .collect()
}

/// A group of checkboxes under a visible legend, one per value of an enum, with the field's
/// error. The picked values stay sorted.
#[component]
pub fn CheckList<T, L>(
    /// The field's name (matches the API's field name).
    name: &'static str,
    /// The visible legend.
    #[prop(into)]
    legend: Signal<&'static str>,
    /// Every value, in the order shown.
    all: &'static [T],
    /// A value's stable name (ends its checkbox's id).
    value_name: fn(T) -> &'static str,
    /// A value's visible label.
    label: L,
    /// The values picked.
    picked: RwSignal<Vec<T>>,
    /// Errors of the form.
    errors: FieldErrors,
    /// Starts the checkboxes' ids (unique on the page).
    id_prefix: &'static str,
) -> impl IntoView
where
    T: Copy + Ord + Send + Sync + 'static,
    L: Fn(T) -> &'static str + Copy + Send + Sync + 'static,
{
    let err_id = format!("f-{name}-error");
    let described_by = err_id.clone();
    view! {
        <fieldset class="checks" aria-describedby=described_by>
            <legend>{move || legend.get()}</legend>
            {all.iter().map(|v| {
                let v = *v;
                let id = format!("{id_prefix}{}", value_name(v));
                view! {
                    <div class="field check">
                        <input id=id.clone() type="checkbox" prop:checked=move || picked.with(|p| p.contains(&v))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                picked.update(|p| { p.retain(|x| *x != v); if on { p.push(v); p.sort(); } });
                            }/>
                        <label for=id>{move || label(v)}</label>
                    </div>
                }
            }).collect_view()}
            <p class="field-error" id=err_id aria-live="polite">{move || errors.with(|e| e.get(name).cloned())}</p>
        </fieldset>
    }
}
