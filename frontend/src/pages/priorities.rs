//! `/priorities`: the strategic plan's goals and pillar priorities that needs align with. Admins
//! add, rename, reorder and retire them; everyone else reads the list.

use domain::Permission;
use domain::needs::{Priority, PriorityInput, PriorityKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::use_auth;
use crate::components::field::{CheckField, SelectField, TextField};
use crate::components::form::{FormState, ProblemBanner};
use crate::components::load::{LoadedView, load};
use crate::i18n::{Key, use_i18n};

/// The priorities page.
#[component]
pub fn PrioritiesPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let list = load(|| (), |c, ()| async move { c.priorities().await });
    // The priority being edited (None: a new one).
    let editing = RwSignal::new(None::<Priority>);
    view! {
        <section class="page">
            <h1>{move || i18n.t(Key::PrioritiesTitle)}</h1>
            <p class="muted">{move || i18n.t(Key::PrioritiesIntro)}</p>
            <LoadedView resource=list render={move |items: Vec<Priority>| view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(Key::PrioritiesTitle)><table class="data">
                    <thead><tr>
                        <th scope="col">{move || i18n.t(Key::PriorityPosition)}</th>
                        <th scope="col">{move || i18n.t(Key::Name)}</th>
                        <th scope="col">{move || i18n.t(Key::PriorityNameEs)}</th>
                        <th scope="col">{move || i18n.t(Key::PriorityKindLabel)}</th>
                        <th scope="col">{move || i18n.t(Key::Status)}</th>
                        <th scope="col"><span class="sr-only">{move || i18n.t(Key::Edit)}</span></th>
                    </tr></thead>
                    <tbody>{items.into_iter().map(|p| {
                        let row = p.clone();
                        view! {
                            <tr>
                                <td>{p.position}</td>
                                <td>{p.name.clone()} <span class="code">" " {p.code.clone()}</span></td>
                                <td>{p.name_es.clone()}</td>
                                <td>{move || i18n.priority_kind(p.kind)}</td>
                                <td>{move || if p.active { "" } else { i18n.t(Key::PriorityRetired) }}</td>
                                <td><Show when=move || auth.can(Permission::ManageGoals)>
                                    <button type="button" class="link" on:click={ let row = row.clone(); move |_| editing.set(Some(row.clone())) }>
                                        {move || i18n.t(Key::Edit)} <span class="sr-only">" " {row.name.clone()}</span>
                                    </button>
                                </Show></td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table></div>
            }}/>
            <Show when=move || auth.can(Permission::ManageGoals)>
                {move || view! { <PriorityForm existing=editing.get() on_done=Callback::new(move |_| { editing.set(None); list.refetch(); })/> }}
            </Show>
        </section>
    }
}

#[component]
fn PriorityForm(existing: Option<Priority>, on_done: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let e = existing.clone();
    let code = RwSignal::new(e.as_ref().map(|p| p.code.clone()).unwrap_or_default());
    let name = RwSignal::new(e.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let name_es = RwSignal::new(e.as_ref().map(|p| p.name_es.clone()).unwrap_or_default());
    let kind = RwSignal::new(e.as_ref().map_or("pillar", |p| p.kind.as_str()).to_string());
    let position = RwSignal::new(
        e.as_ref()
            .map(|p| p.position.to_string())
            .unwrap_or_default(),
    );
    let active = RwSignal::new(e.as_ref().is_none_or(|p| p.active));
    let form = FormState::new();
    let errors = form.errors;
    let target = e.as_ref().map(|p| (p.id, p.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.start() {
            return;
        }
        let input = PriorityInput {
            code: code.get_untracked().trim().to_string(),
            name: name.get_untracked(),
            name_es: name_es.get_untracked(),
            kind: PriorityKind::parse(&kind.get_untracked()).unwrap_or(PriorityKind::Pillar),
            active: active.get_untracked(),
            position: position.get_untracked().trim().parse().unwrap_or(0),
        };
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let input = input.clone();
                    async move {
                        match target {
                            Some((id, v)) => c.update_priority(id, v, &input).await,
                            None => c.create_priority(&input).await,
                        }
                    }
                })
                .await;
            match res {
                Ok(_) => {
                    form.done();
                    on_done.run(())
                }
                Err(e) => form.fail(&i18n, &e),
            }
        });
    };
    let kinds = move || {
        PriorityKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), i18n.priority_kind(*k).to_string()))
            .collect::<Vec<_>>()
    };
    let heading = existing.as_ref().map(|p| p.name.clone());
    view! {
        <form class="form panel" on:submit=submit novalidate aria-labelledby="priority-form">
            <h2 id="priority-form">{move || heading.clone().unwrap_or_else(|| i18n.t(Key::PriorityAdd).to_string())}</h2>
            <ProblemBanner form=form/>
            <TextField name="code" label=Signal::derive(move || i18n.t(Key::Code)) value=code errors=errors required=true/>
            <TextField name="name" label=Signal::derive(move || i18n.t(Key::Name)) value=name errors=errors required=true/>
            <TextField name="name_es" label=Signal::derive(move || i18n.t(Key::PriorityNameEs)) value=name_es errors=errors/>
            <SelectField name="kind" label=Signal::derive(move || i18n.t(Key::PriorityKindLabel)) value=kind errors=errors options=Signal::derive(kinds)/>
            <TextField name="position" kind="number" label=Signal::derive(move || i18n.t(Key::PriorityPosition)) value=position errors=errors/>
            <CheckField name="active" label=Signal::derive(move || i18n.t(Key::PriorityActive)) value=active/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || form.busy.get()>{move || if form.busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}</button>
                <Show when=move || target.is_some()>
                    <button type="button" on:click=move |_| on_done.run(())>{move || i18n.t(Key::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
