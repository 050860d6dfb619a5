/**
 * <qn-module slug="stadtteilkonferenz" href-template="/methoden/{slug}">: a participation module
 * as the Modulbaukasten shows it: title, Zielsetzung and the other sections, what visitors think
 * of it on the six dimensions with the editors' assessment and the rating form (qn-rating), the
 * comments (qn-comments), related projects, further modules and links. Two requests, in
 * parallel: the module (with its relations and rating summary) and its comment thread.
 */
import { css, html, nothing } from 'lit'

import './qn-comments'
import './qn-rating'

import type { RateableModule } from './qn-rating'
import type { Thread } from './qn-comments'

import { ApiError, apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { hrefFrom } from './shared/links'
import { hasText, renderRichText, type RichText } from './shared/richText'

type Related = {
  id: number
  slug?: string
  summary?: null | string
  teaser?: null | string
  title: string
}
type Person = {
  affiliation?: null | string
  email?: null | string
  name?: string
  phone?: null | string
  role?: null | string
}

export type Module = RateableModule & {
  advice?: RichText
  assessment?: RichText
  contacts?: (number | Person)[] | null
  contactsNote?: RichText
  financing?: RichText
  fieldsOfAction?: (number | Related)[] | null
  implementation?: RichText
  links?: { label: string; url: string }[] | null
  objective?: RichText
  pitfalls?: RichText
  relatedModules?: (number | Related)[] | null
  relatedProjects?: (number | Related)[] | null
  steps?: RichText
  summary?: null | string
  targetGroupNote?: null | string
  targetGroups?: (number | Related)[] | null
  users?: RichText
}

const texts = {
  de: {
    advice: 'Beratung',
    assessment: 'Bewertung',
    contacts: 'Kontakte / Ansprechpartner',
    fieldsOfAction: 'Handlungsfelder',
    financing: 'Finanzierungsansätze',
    implementation: 'Umsetzung und Durchführung',
    links: 'Links',
    notFound: 'Dieses Modul wurde nicht gefunden.',
    objective: 'Zielsetzung',
    pitfalls: 'Stolpersteine',
    projects: 'Projekte',
    relatedModules: 'Weitere Module',
    steps: 'Wichtige Umsetzungsschritte / Aufwandsabschätzung',
    targetGroups: 'Zielgruppe',
    users: 'Anwenderinnen und Anwender',
  },
  en: {
    advice: 'Advice',
    assessment: 'Assessment',
    contacts: 'Contacts',
    fieldsOfAction: 'Fields of action',
    financing: 'Financing',
    implementation: 'Implementation',
    links: 'Links',
    notFound: 'This module was not found.',
    objective: 'Objective',
    pitfalls: 'Pitfalls',
    projects: 'Projects',
    relatedModules: 'Further modules',
    steps: 'Key steps / effort',
    targetGroups: 'Target groups',
    users: 'Users',
  },
}

const populated = <T extends object>(list: (number | T)[] | null | undefined): T[] =>
  (list ?? []).filter((item): item is T => typeof item === 'object' && item !== null)

type Loaded = { module: Module; thread: Thread | undefined }

export class QnModule extends QnElement<(typeof texts)['de'], Loaded> {
  static override styles = [
    ...QnElement.styles,
    css`
      .summary {
        font-size: 1.125em;
      }
      .related {
        padding-left: 1.25rem;
      }
      .related li {
        margin-bottom: 0.5rem;
      }
      qn-rating,
      qn-comments {
        margin-top: 1.5rem;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    hrefTemplate: { attribute: 'href-template', type: String },
    projectHrefTemplate: { attribute: 'project-href-template', type: String },
    slug: { type: String },
  }

  declare slug: string
  /** Where further modules link to, e.g. `/methoden/{slug}`; without it they are named, not linked. */
  declare hrefTemplate: string | undefined
  /** Where related projects link to, e.g. `/projekte/{slug}`. */
  declare projectHrefTemplate: string | undefined

  protected readonly texts = texts

  constructor() {
    super()
    this.slug = ''
  }

  protected override reloadOn() {
    return ['slug']
  }

  protected async load(signal: AbortSignal): Promise<Loaded> {
    const isId = /^\d+$/.test(this.slug)
    const modulePromise = isId
      ? requestJson<Module>(apiUrl(`modules/${this.slug}`, { depth: 1 }), {
          language: this.language,
          signal,
        })
      : requestJson<{ docs: Module[] }>(
          apiUrl('modules', { depth: 1, limit: 1, 'where[slug][equals]': this.slug }),
          { language: this.language, signal },
        ).then(({ docs }) => {
          if (!docs[0]) {
            throw new ApiError(this.t('notFound'), 404)
          }
          return docs[0]
        })
    const threadPromise = requestJson<Thread>(
      apiUrl('comments/thread', { target: `modules/${this.slug}` }),
      { language: this.language, signal },
    )
    const [module, thread] = await Promise.allSettled([modulePromise, threadPromise])
    if (module.status === 'rejected') {
      throw module.reason
    }
    // Without its thread the module still shows; the comments element then loads (and, if it
    // must, reports the error and offers a retry) on its own.
    return {
      module: module.value,
      thread: thread.status === 'fulfilled' ? thread.value : undefined,
    }
  }

  private section(key: keyof (typeof texts)['de'] & keyof Module, value: RichText) {
    if (!hasText(value)) {
      return nothing
    }
    return html`<section part="section">
      ${this.heading(1, this.t(key))}${renderRichText(value, this.headingLevel + 2)}
    </section>`
  }

  private relatedList(items: Related[], template: string | undefined) {
    return html`<ul class="related">
      ${items.map((item) => {
        const href = hrefFrom(template, item)
        const text = item.summary ?? item.teaser
        return html`<li>
          ${href ? html`<a href=${href}>${item.title}</a>` : html`<strong>${item.title}</strong>`}${text ? html`<br /><span class="muted">${text}</span>` : nothing}
        </li>`
      })}
    </ul>`
  }

  override render() {
    return html`<article part="container">
      ${this.renderLoaded(({ module, thread }) => {
        const targetGroups = populated(module.targetGroups)
        const fields = populated(module.fieldsOfAction)
        const contacts = populated<Person>(module.contacts)
        const projects = populated(module.relatedProjects)
        const modules = populated(module.relatedModules)
        return html`${this.heading(0, module.title)}
          ${module.summary ? html`<p class="summary">${module.summary}</p>` : nothing}
          ${this.section('objective', module.objective)} ${this.section('users', module.users)}
          ${
            targetGroups.length || module.targetGroupNote
              ? html`<section part="section">
                  ${this.heading(1, this.t('targetGroups'))}
                  ${
                    targetGroups.length
                      ? html`<ul>
                          ${targetGroups.map((group) => html`<li>${group.title}</li>`)}
                        </ul>`
                      : nothing
                  }
                  ${module.targetGroupNote ? html`<p>${module.targetGroupNote}</p>` : nothing}
                </section>`
              : nothing
          }
          ${
            fields.length
              ? html`<section part="section">
                  ${this.heading(1, this.t('fieldsOfAction'))}
                  <ul>
                    ${fields.map((field) => html`<li>${field.title}</li>`)}
                  </ul>
                </section>`
              : nothing
          }
          ${this.section('implementation', module.implementation)}
          ${this.section('steps', module.steps)} ${this.section('pitfalls', module.pitfalls)}
          ${this.section('assessment', module.assessment)}
          ${
            hasText(module.contactsNote) || contacts.length
              ? html`<section part="section">
                  ${this.heading(1, this.t('contacts'))}
                  ${renderRichText(module.contactsNote, this.headingLevel + 2)}
                  ${
                    contacts.length
                      ? html`<ul>
                          ${contacts.map(
                            (person) =>
                              html`<li>
                                ${person.name}${person.role ? `, ${person.role}` : ''}${person.affiliation ? `, ${person.affiliation}` : ''}
                                ${person.email ? html`<br /><a href="mailto:${person.email}">${person.email}</a>` : nothing}${person.phone ? html`<br />${person.phone}` : nothing}
                              </li>`,
                          )}
                        </ul>`
                      : nothing
                  }
                </section>`
              : nothing
          }
          ${this.section('financing', module.financing)} ${this.section('advice', module.advice)}
          <qn-rating
            .preloaded=${module}
            module=${String(module.id)}
            heading-level=${this.headingLevel + 1}
          ></qn-rating>
          ${projects.length ? html`<section part="section">${this.heading(1, this.t('projects'))}${this.relatedList(projects, this.projectHrefTemplate)}</section>` : nothing}
          ${modules.length ? html`<section part="section">${this.heading(1, this.t('relatedModules'))}${this.relatedList(modules, this.hrefTemplate)}</section>` : nothing}
          ${
            module.links?.length
              ? html`<section part="section">
                  ${this.heading(1, this.t('links'))}
                  <ul>
                    ${module.links.map((link) => html`<li><a href=${link.url} rel="noopener noreferrer">${link.label}</a></li>`)}
                  </ul>
                </section>`
              : nothing
          }
          <qn-comments
            .preloaded=${thread}
            target="modules/${String(module.id)}"
            heading-level=${this.headingLevel + 1}
          ></qn-comments>`
      })}
    </article>`
  }
}

if (!customElements.get('qn-module')) {
  customElements.define('qn-module', QnModule)
}
