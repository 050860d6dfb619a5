/**
 * A data-subject request answered across every plugin: what each declared source
 * (`@quartiersnetz/plugin-kit/privacy`) holds for an address, as the editor sees it and as the
 * person gets it (JSON with a readable summary), and its erasure in one transaction.
 */
import type { PayloadRequest } from 'payload'

import type { ErasureCounts, InWords, PersonalRecord } from '@quartiersnetz/plugin-kit/privacy'

import { personalDataSourcesOf } from '@quartiersnetz/plugin-kit/privacy'

export type SourceFindings = {
  key: string
  label: string
  /** Why a source can hold nothing for an address (anonymous ratings). */
  note: null | string
  records: (Omit<PersonalRecord, 'summary'> & { summary: string })[]
}

export type SourceErasure = ErasureCounts & { key: string; label: string }

const inLanguage = (text: InWords, language: string) => (language === 'en' ? text.en : text.de)

const languageOf = (req: PayloadRequest) => (req.i18n?.language === 'en' ? 'en' : 'de')

/** Everything the sources hold for the address, in the request's language. */
export const findPersonalData = async (
  req: PayloadRequest,
  address: string,
): Promise<SourceFindings[]> => {
  const language = languageOf(req)
  const findings: SourceFindings[] = []
  for (const source of personalDataSourcesOf(req.payload.config)) {
    const records = await source.find({ address, req })
    findings.push({
      key: source.key,
      label: inLanguage(source.label, language),
      note: source.note ? inLanguage(source.note, language) : null,
      records: records.map((record) => ({
        ...record,
        summary: inLanguage(record.summary, language),
      })),
    })
  }
  return findings
}

/** Erases what every source holds for the address, in `req`'s transaction (the outbox last). */
export const erasePersonalData = async (
  req: PayloadRequest,
  address: string,
): Promise<SourceErasure[]> => {
  const language = languageOf(req)
  const done: SourceErasure[] = []
  for (const source of personalDataSourcesOf(req.payload.config)) {
    const counts = await source.erase({ address, req })
    done.push({ ...counts, key: source.key, label: inLanguage(source.label, language) })
  }
  return done
}

/** The readable summary at the top of the export: one line per record, grouped by source. */
export const summaryLines = (findings: SourceFindings[], language: string): string[] =>
  findings.flatMap((source) => [
    `${source.label}: ${
      source.records.length
        ? language === 'en'
          ? `${source.records.length} ${source.records.length === 1 ? 'record' : 'records'}`
          : `${source.records.length} ${source.records.length === 1 ? 'Eintrag' : 'Einträge'}`
        : (source.note ?? (language === 'en' ? 'nothing stored' : 'nichts gespeichert'))
    }`,
    ...source.records.map((record) => `  – ${record.summary}`),
  ])

export const countRecords = (findings: SourceFindings[]) =>
  findings.reduce((sum, source) => sum + source.records.length, 0)
