//! Add and edit a school. Field errors come from the API's 422 answer; a concurrent edit (412)
//! is explained and nothing is silently overwritten.

use domain::Permission;
use domain::school::{Designation, School, SchoolInput, SchoolLevel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::use_auth;
use crate::components::field::{CheckField, SelectField, TextField};
use crate::components::form::{FormState, ProblemBanner};
use crate::components::load::{LoadedView, load_record};
use crate::i18n::{Key, use_i18n};
use crate::pages::school_detail::school_id_param;

/// `/schools/new`.
#[component]
pub fn NewSchool() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::NewSchool)}</h1>
            <SchoolForm existing=None/>
        </section>
    }
}

/// `/schools/:id/edit`.
#[component]
pub fn EditSchool() -> impl IntoView {
    let i18n = use_i18n();
    let id = school_id_param();
    let school = load_record(
        move || id.get(),
        |c, id| async move { c.get_school(id).await },
    );
    view! {
        <section class="page narrow">
            <h1>{move || i18n.t(Key::EditSchool)}</h1>
            <LoadedView resource=school render={|s: School| view! { <SchoolForm existing=Some(s)/> }}/>
        </section>
    }
}

#[component]
fn SchoolForm(existing: Option<School>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let e = existing.clone();
    let code = RwSignal::new(e.as_ref().map(|s| s.code.clone()).unwrap_or_default());
    let name = RwSignal::new(e.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let level = RwSignal::new(
        e.as_ref()
            .map(|s| s.level.as_str().to_string())
            .unwrap_or_else(|| "elementary".into()),
    );
    let region = RwSignal::new(e.as_ref().map(|s| s.region.clone()).unwrap_or_default());
    let title_i = RwSignal::new(e.as_ref().is_some_and(|s| s.title_i));
    let designation = RwSignal::new(
        e.as_ref()
            .map(|s| s.designation.as_str().to_string())
            .unwrap_or_else(|| "none".into()),
    );
    let address = RwSignal::new(e.as_ref().map(|s| s.address.clone()).unwrap_or_default());
    let city = RwSignal::new(e.as_ref().map(|s| s.city.clone()).unwrap_or_default());
    let postal_code = RwSignal::new(
        e.as_ref()
            .map(|s| s.postal_code.clone())
            .unwrap_or_default(),
    );
    let form = FormState::new();
    let errors = form.errors;
    let target = existing.as_ref().map(|s| (s.id, s.version));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        let input = SchoolInput {
            code: code.get_untracked(),
            name: name.get_untracked(),
            level: SchoolLevel::parse(&level.get_untracked()).unwrap_or(SchoolLevel::Other),
            region: region.get_untracked(),
            title_i: title_i.get_untracked(),
            designation: Designation::parse(&designation.get_untracked())
                .unwrap_or(Designation::None),
            address: address.get_untracked(),
            city: city.get_untracked(),
            postal_code: postal_code.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some((id, version)) => c.update_school(id, version, &input).await,
                            None => c.create_school(&input).await,
                        }
                    }
                })
                .await;
            match res {
                Ok(s) => {
                    form.done();
                    navigate(&format!("/schools/{}", s.id), Default::default())
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };

    let levels = move || {
        SchoolLevel::ALL
            .iter()
            .map(|l| (l.as_str().to_string(), i18n.level(*l).to_string()))
            .collect::<Vec<_>>()
    };
    let designations = move || {
        Designation::ALL
            .iter()
            .map(|d| (d.as_str().to_string(), i18n.designation(*d).to_string()))
            .collect::<Vec<_>>()
    };
    let cancel_href = existing
        .as_ref()
        .map(|s| format!("/schools/{}", s.id))
        .unwrap_or_else(|| "/schools".into());

    view! {
        <Show when=move || !auth.can(Permission::ManageSchools)>
            <div class="state error" role="alert">{move || i18n.t(Key::Forbidden)}</div>
        </Show>
        <form class="form" on:submit=submit novalidate>
            <ProblemBanner form=form/>
            <TextField name="code" label=Signal::derive(move || i18n.t(Key::Code)) value=code errors=errors required=true/>
            <TextField name="name" label=Signal::derive(move || i18n.t(Key::Name)) value=name errors=errors required=true/>
            <SelectField name="level" label=Signal::derive(move || i18n.t(Key::Level)) value=level errors=errors options=Signal::derive(levels)/>
            <TextField name="region" label=Signal::derive(move || i18n.t(Key::Region)) value=region errors=errors required=true/>
            <CheckField name="title_i" label=Signal::derive(move || i18n.t(Key::TitleI)) value=title_i/>
            <SelectField name="designation" label=Signal::derive(move || i18n.t(Key::Designation)) value=designation errors=errors options=Signal::derive(designations)/>
            <TextField name="address" label=Signal::derive(move || i18n.t(Key::Address)) value=address errors=errors autocomplete="street-address"/>
            <TextField name="city" label=Signal::derive(move || i18n.t(Key::City)) value=city errors=errors autocomplete="address-level2"/>
            <TextField name="postal_code" label=Signal::derive(move || i18n.t(Key::PostalCode)) value=postal_code errors=errors autocomplete="postal-code"/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>
                    {move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
                <A href=cancel_href attr:class="button">{move || i18n.t(Key::Cancel)}</A>
            </div>
        </form>
    }
}
