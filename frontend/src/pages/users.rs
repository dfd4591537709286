//! Account administration (admin): list, create, change role and schools, deactivate.

use client::ClientError;
use domain::school::SchoolQuery;
use domain::user::{CreateUser, UpdateUser, User, UserQuery, UserStatus};
use domain::{Permission, Role, SchoolId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

use crate::api::{Auth, error_text, use_auth};
use crate::components::field::{SelectField, TextField};
use crate::components::status::{Empty, ErrorBox, Loading};
use crate::i18n::{I18n, Key, use_i18n};

/// Resolves comma-separated school codes into ids; an unknown code is an error naming it.
async fn resolve_codes(auth: Auth, codes: &str) -> Result<Vec<SchoolId>, String> {
    let mut ids = vec![];
    for code in codes
        .split(',')
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
    {
        let q = SchoolQuery {
            q: Some(code.clone()),
            limit: Some(100),
            ..Default::default()
        };
        let page = auth
            .call(|c| {
                let q = q.clone();
                async move { c.list_schools(&q).await }
            })
            .await
            .map_err(|e| e.to_string())?;
        match page.items.iter().find(|s| s.code == code) {
            Some(s) => ids.push(s.id),
            None => return Err(code),
        }
    }
    Ok(ids)
}

fn role_options(i18n: I18n) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.as_str().to_string(), i18n.role(*r).to_string()))
        .collect()
}

fn apply_problem(
    i18n: &I18n,
    e: &ClientError,
    errors: RwSignal<HashMap<String, String>>,
    message: RwSignal<Option<String>>,
) {
    errors.set(crate::api::field_errors(i18n, e));
    message.set(Some(error_text(i18n, e)));
}

/// The users page: search by email or name, filter by role, a page at a time.
#[component]
pub fn Users() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let users = RwSignal::new(None::<Result<Vec<User>, String>>);
    let next = RwSignal::new(None::<String>);
    let search = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let load = move |more: bool| {
        let q = UserQuery {
            q: Some(search.get_untracked()).filter(|t| !t.trim().is_empty()),
            role: Role::parse(&role.get_untracked()),
            limit: Some(50),
            cursor: if more { next.get_untracked() } else { None },
            ..Default::default()
        };
        if !more {
            users.set(None);
        }
        spawn_local(async move {
            let res = auth
                .call(|c| {
                    let q = q.clone();
                    async move { c.list_users(&q).await }
                })
                .await;
            match res {
                Ok(page) => {
                    let _ = next.try_set(page.next_cursor);
                    let _ = users.try_update(|u| match u {
                        Some(Ok(v)) if more => v.extend(page.items),
                        _ => *u = Some(Ok(page.items)),
                    });
                }
                Err(e) => {
                    let _ = users.try_set(Some(Err(error_text(&i18n, &e))));
                }
            }
        });
    };
    load(false);
    let role_filter = move || {
        let mut v = vec![(String::new(), i18n.t(Key::Any).to_string())];
        v.extend(role_options(i18n));
        v
    };

    view! {
        <section class="page">
            <h1>{move || i18n.t(Key::UsersTitle)}</h1>
            <Show when=move || auth.can(Permission::ManageUsers) fallback=move || view! {
                <div class="state error" role="alert">{move || i18n.t(Key::Forbidden)}</div>
            }>
                <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); load(false); }>
                    <div class="field grow">
                        <label for="user-search">{move || i18n.t(Key::UsersSearch)}</label>
                        <div class="inline">
                            <input id="user-search" type="search" prop:value=move || search.get()
                                on:input=move |ev| search.set(event_target_value(&ev))/>
                            <button type="submit">{move || i18n.t(Key::Search)}</button>
                        </div>
                    </div>
                    <div class="field">
                        <label for="user-role-filter">{move || i18n.t(Key::RoleLabel)}</label>
                        <select id="user-role-filter" on:change=move |ev| { role.set(event_target_value(&ev)); load(false); }>
                            {move || role_filter().into_iter().map(|(v, l)| {
                                let sel = role.get_untracked() == v;
                                view! { <option value=v selected=sel>{l}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </form>
                {move || match users.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Err(msg)) => view! { <ErrorBox text=Signal::derive(move || msg.clone()) retry=Callback::new(move |_| load(false))/> }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <Empty text=Signal::derive(move || i18n.t(Key::NoUsers).to_string())/> }.into_any(),
                    Some(Ok(list)) => view! {
                        <ul class="cards">
                            {list.into_iter().map(|u| view! { <UserRow user=u on_change=Callback::new(move |_| load(false))/> }).collect_view()}
                        </ul>
                        <Show when=move || next.get().is_some()>
                            <button type="button" class="more" on:click=move |_| load(true)>{move || i18n.t(Key::LoadMore)}</button>
                        </Show>
                    }.into_any(),
                }}
                <CreateUserForm on_created=Callback::new(move |_| load(false))/>
            </Show>
        </section>
    }
}

#[component]
fn UserRow(user: User, on_change: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let prefix = format!("u{}", user.id.0.simple());
    let (name_id, role_id, schools_id) = (
        format!("{prefix}-name"),
        format!("{prefix}-role"),
        format!("{prefix}-schools"),
    );
    let role = RwSignal::new(user.role.as_str().to_string());
    let name = RwSignal::new(user.display_name.clone());
    let codes = RwSignal::new(String::new());
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let (id, version, status) = (user.id, user.version, user.status);
    let is_me = auth
        .me
        .with_untracked(|m| m.as_ref().is_some_and(|m| m.id == id));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        message.set(None);
        errors.set(HashMap::new());
        spawn_local(async move {
            let role_v = Role::parse(&role.get_untracked()).unwrap_or(Role::Volunteer);
            let school_ids = match resolve_codes(auth, &codes.get_untracked()).await {
                Ok(ids) => ids,
                Err(code) => {
                    errors.set(HashMap::from([(
                        "school_ids".to_string(),
                        format!("{} {code}", i18n.t(Key::UnknownSchoolCode)),
                    )]));
                    busy.set(false);
                    return;
                }
            };
            let req = UpdateUser {
                display_name: name.get_untracked(),
                role: role_v,
                school_ids,
            };
            match auth
                .call(|c| {
                    let r = req.clone();
                    async move { c.update_user(id, version, &r).await }
                })
                .await
            {
                Ok(_) => on_change.run(()),
                Err(e) => apply_problem(&i18n, &e, errors, message),
            }
            busy.set(false);
        });
    };
    let toggle = move |_| {
        busy.set(true);
        spawn_local(async move {
            let res = auth
                .call(|c| async move {
                    if status == UserStatus::Active {
                        c.deactivate_user(id, version).await
                    } else {
                        c.reactivate_user(id, version).await
                    }
                })
                .await;
            match res {
                Ok(_) => on_change.run(()),
                Err(e) => message.set(Some(error_text(&i18n, &e))),
            }
            busy.set(false);
        });
    };

    view! {
        <li class="card user" class:inactive=status == UserStatus::Deactivated>
            <span class="card-title">{user.display_name.clone()}</span>
            <span class="meta">{user.email.clone()} " · " {move || i18n.role(user.role)} " · " {move || i18n.user_status(status)}</span>
            <details>
                <summary>{move || i18n.t(Key::Edit)}</summary>
                <form class="form" on:submit=save novalidate>
                    <Show when=move || message.get().is_some()>
                        <div class="state error" role="alert">{move || message.get()}</div>
                    </Show>
                    <div class="field">
                        <label for=name_id.clone()>{move || i18n.t(Key::DisplayName)}</label>
                        <input id=name_id prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for=role_id.clone()>{move || i18n.t(Key::RoleLabel)}</label>
                        <select id=role_id disabled=is_me on:change=move |ev| role.set(event_target_value(&ev))>
                            {move || role_options(i18n).into_iter().map(|(v, l)| {
                                let sel = role.get_untracked() == v;
                                view! { <option value=v selected=sel>{l}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field" class:invalid=move || errors.with(|e| e.contains_key("school_ids"))>
                        <label for=schools_id.clone()>{move || i18n.t(Key::SchoolCodes)}</label>
                        <input id=schools_id prop:value=move || codes.get() on:input=move |ev| codes.set(event_target_value(&ev))/>
                        <p class="field-error" aria-live="polite">{move || errors.with(|e| e.get("school_ids").cloned())}</p>
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || busy.get()>{move || i18n.t(Key::Save)}</button>
                        <Show when=move || !is_me>
                            <button type="button" disabled=move || busy.get() on:click=toggle>
                                {move || if status == UserStatus::Active { i18n.t(Key::Deactivate) } else { i18n.t(Key::Reactivate) }}
                            </button>
                        </Show>
                    </div>
                </form>
            </details>
        </li>
    }
}

#[component]
fn CreateUserForm(on_created: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("staff".to_string());
    let codes = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(HashMap::<String, String>::new());
    let message = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        done.set(false);
        message.set(None);
        errors.set(HashMap::new());
        spawn_local(async move {
            let school_ids = match resolve_codes(auth, &codes.get_untracked()).await {
                Ok(ids) => ids,
                Err(code) => {
                    errors.set(HashMap::from([(
                        "school_ids".to_string(),
                        format!("{} {code}", i18n.t(Key::UnknownSchoolCode)),
                    )]));
                    busy.set(false);
                    return;
                }
            };
            let req = CreateUser {
                email: email.get_untracked(),
                display_name: name.get_untracked(),
                role: Role::parse(&role.get_untracked()).unwrap_or(Role::Staff),
                school_ids,
                password: password.get_untracked(),
            };
            match auth
                .call(|c| {
                    let r = req.clone();
                    async move { c.create_user(&r).await }
                })
                .await
            {
                Ok(_) => {
                    for s in [email, name, codes, password] {
                        s.set(String::new());
                    }
                    done.set(true);
                    on_created.run(());
                }
                Err(e) => apply_problem(&i18n, &e, errors, message),
            }
            busy.set(false);
        });
    };

    view! {
        <h2>{move || i18n.t(Key::AddUser)}</h2>
        <form class="form" on:submit=submit novalidate>
            <Show when=move || message.get().is_some()>
                <div class="state error" role="alert">{move || message.get()}</div>
            </Show>
            <Show when=move || done.get()>
                <p class="state ok" role="status">{move || i18n.t(Key::UserCreated)}</p>
            </Show>
            <TextField name="email" label=Signal::derive(move || i18n.t(Key::Email)) value=email errors=errors kind="email" required=true/>
            <TextField name="display_name" label=Signal::derive(move || i18n.t(Key::DisplayName)) value=name errors=errors required=true/>
            <SelectField name="role" label=Signal::derive(move || i18n.t(Key::RoleLabel)) value=role errors=errors options=Signal::derive(move || role_options(i18n))/>
            <TextField name="school_ids" label=Signal::derive(move || i18n.t(Key::SchoolCodes)) value=codes errors=errors/>
            <TextField name="password" label=Signal::derive(move || i18n.t(Key::TempPassword)) value=password errors=errors kind="password" autocomplete="new-password" required=true/>
            <button type="submit" class="primary" disabled=move || busy.get()>
                {move || if busy.get() { i18n.t(Key::Saving) } else { i18n.t(Key::AddUser) }}
            </button>
        </form>
    }
}
