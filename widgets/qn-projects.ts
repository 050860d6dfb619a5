/**
 * <qn-projects field-of-action="soziale-netze-und-buergerschaftliches-engagement"
 * municipality="essen" limit="10" href-template="/projekte/{slug}">: good-practice projects of a
 * Handlungsfeld and/or a municipality, with their place and awards. One request.
 */
import { css, html, nothing } from 'lit'

import { apiUrl, requestJson } from './shared/api'
import { QnElement } from './shared/element'
import { hrefFrom } from './shared/links'

type Project = {
  awards?: { name?: string; year?: number }[] | null
  id: number
  municipality?: { name?: string } | null | number
  slug: string
  teaser?: null | string
  title: string
}

const texts = {
  de: {
    awards: 'Auszeichnungen',
    empty: 'Hierzu sind noch keine Projekte eingetragen.',
    heading: 'Projekte',
  },
  en: {
    awards: 'Awards',
    empty: 'No projects are listed here yet.',
    heading: 'Projects',
  },
}

export class QnProjects extends QnElement<(typeof texts)['de'], Project[]> {
  static override styles = [
    ...QnElement.styles,
    css`
      ul.projects {
        list-style: none;
        padding: 0;
      }
      ul.projects li {
        padding: 0.75rem 0;
        border-top: 1px solid var(--_border);
      }
      .title {
        font-weight: 700;
      }
    `,
  ]

  static override properties = {
    ...QnElement.properties,
    fieldOfAction: { attribute: 'field-of-action', type: String },
    hrefTemplate: { attribute: 'href-template', type: String },
    limit: { type: Number },
    municipality: { type: String },
  }

  declare fieldOfAction: string | undefined
  declare hrefTemplate: string | undefined
  declare limit: number
  declare municipality: string | undefined

  protected readonly texts = texts

  constructor() {
    super()
    this.limit = 10
  }

  protected override reloadOn() {
    return ['fieldOfAction', 'limit', 'municipality']
  }

  protected async load(signal: AbortSignal) {
    const { docs } = await requestJson<{ docs: Project[] }>(
      apiUrl('projects', {
        depth: 1,
        limit: Math.min(50, Math.max(1, Number(this.limit) || 10)),
        'select[awards]': 'true',
        'select[municipality]': 'true',
        'select[slug]': 'true',
        'select[teaser]': 'true',
        'select[title]': 'true',
        sort: 'title',
        'where[fieldsOfAction.slug][equals]': this.fieldOfAction,
        'where[municipality.slug][equals]': this.municipality,
      }),
      { language: this.language, signal },
    )
    return docs
  }

  override render() {
    return html`<section part="container">
      ${this.heading(0, this.t('heading'))}
      ${this.renderLoaded((projects) =>
        projects.length
          ? html`<ul class="projects">
              ${projects.map((project) => {
                const href = hrefFrom(this.hrefTemplate, project)
                const municipality =
                  typeof project.municipality === 'object' ? project.municipality?.name : undefined
                const awards = (project.awards ?? [])
                  .filter((award) => award.name)
                  .map((award) => `${award.name}${award.year ? ` ${award.year}` : ''}`)
                return html`<li part="project">
                  ${href ? html`<a class="title" href=${href}>${project.title}</a>` : html`<span class="title">${project.title}</span>`}
                  ${municipality ? html`<br /><span class="muted">${municipality}</span>` : nothing}
                  ${project.teaser ? html`<p>${project.teaser}</p>` : nothing}
                  ${awards.length ? html`<p class="muted">${this.t('awards')}: ${awards.join(', ')}</p>` : nothing}
                </li>`
              })}
            </ul>`
          : html`<p>${this.t('empty')}</p>`,
      )}
    </section>`
  }
}

if (!customElements.get('qn-projects')) {
  customElements.define('qn-projects', QnProjects)
}
