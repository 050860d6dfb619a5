/**
 * Demo: visitors' comments on modules and projects, an official reply of the editors and one
 * comment waiting for moderation, so that the comment lists, `commentCount` and the moderation
 * queue answer with something. They are not facts of the seed texts (seed 003: "Für dieses Modul
 * sind noch keine Kommentare vorhanden"): every author's name starts with "Demo:", every address
 * is at example.org.
 *
 * The approved ones are written as a moderator's create in the admin (the comments plugin's
 * hooks confirm them and check the reply's parent); the one waiting is written as the plugin
 * writes a confirmed visitor's comment. Matched by target and author's name: a second run finds
 * each as it was and writes nothing; a changed one is set back, except that a moderator's
 * decision on the waiting one stands (a decided comment can't go back to pending).
 */
import type { CollectionSlug } from 'payload'

import type { SeedContext } from './context'
import type { ModuleIds } from './modules'
import type { ProjectIds } from './projects'

import { PLUGIN_WRITE } from '@quartiersnetz/plugin-comments/lib/context'
import { isUnchanged } from './isUnchanged'

type Target = { collection: 'modules' | 'projects'; id: number }

type DemoComment = {
  authorName: `Demo: ${string}`
  email?: `${string}@example.org`
  /** The editors' official reply to the comment of this author (same target). */
  replyTo?: string
  status: 'approved' | 'pending'
  target: Target
  text: string
}

const COMMENTS = 'comments' as CollectionSlug

/** Stored as the consent's version: nobody consented to anything, these are the seed's. */
const DEMO_CONSENT_VERSION = 'demo'

const demoComments = (modules: ModuleIds, projects: ProjectIds): DemoComment[] => {
  const stadtteilkonferenz = { collection: 'modules', id: modules.stadtteilkonferenz } as const
  return [
    {
      authorName: 'Demo: Maria Beispiel',
      email: 'maria.beispiel@example.org',
      status: 'approved',
      target: stadtteilkonferenz,
      text: 'Wir laden zur Stadtteilkonferenz reihum bei den Mitgliedern ein, mal im Jugendzentrum, mal im Gemeindesaal. Das verteilt die Arbeit gut. Wer moderiert bei euch?',
    },
    {
      authorName: 'Demo: Redaktion Quartiersnetz',
      replyTo: 'Demo: Maria Beispiel',
      status: 'approved',
      target: stadtteilkonferenz,
      text: 'Danke für den Hinweis! Beratungsstellen, die auch bei der Vermittlung von Moderatorinnen und Moderatoren helfen, gibt es in vielen Städten; außerdem haben sich Büros und Selbständige auf solche Moderationen spezialisiert.',
    },
    {
      authorName: 'Demo: Jonas Muster',
      email: 'jonas.muster@example.org',
      status: 'approved',
      target: stadtteilkonferenz,
      text: 'Unser Tipp: Zuständigkeiten gleich in der ersten Sitzung klären. Das hat bei uns Reibereien zwischen Fachleuten und Ehrenamtlichen vermieden.',
    },
    {
      authorName: 'Demo: Aylin Beispiel',
      email: 'aylin.beispiel@example.org',
      status: 'approved',
      target: { collection: 'modules', id: modules.zukunftswerkstatt },
      text: 'Mit Moderationskarten und einem Raum im Stadtteilzentrum an einem Samstag gut machbar. Die Fantasiephase hat bei uns am meisten bewegt.',
    },
    {
      authorName: 'Demo: Helga Muster',
      email: 'helga.muster@example.org',
      status: 'approved',
      target: { collection: 'projects', id: projects.arnsbergerSeniorenNetzwerk },
      text: 'Ein schönes Beispiel dafür, ältere Menschen als Expertinnen und Experten in eigener Sache ernst zu nehmen.',
    },
    {
      authorName: 'Demo: Peter Platzhalter',
      email: 'peter.platzhalter@example.org',
      status: 'pending',
      target: { collection: 'modules', id: modules.charrette },
      text: 'Wie viele Tage sollte man für ein Charrette-Verfahren einplanen? (Dieser Demo-Kommentar wartet auf die Moderation.)',
    },
  ]
}

type StoredComment = { id: number | string; status?: string }

export const seedDemoComments = async (
  { now, payload, req, tally }: SeedContext,
  { modules, projects }: { modules: ModuleIds; projects: ProjectIds },
): Promise<void> => {
  const idsByAuthor = new Map<string, number | string>()
  for (const comment of demoComments(modules, projects)) {
    const parent = comment.replyTo ? idsByAuthor.get(comment.replyTo) : undefined
    if (comment.replyTo && parent === undefined) {
      throw new Error(`Demo-Kommentare: „${comment.replyTo}“ muss vor der Antwort darauf stehen.`)
    }
    const isOfficialReply = comment.replyTo !== undefined
    const wanted = {
      authorName: comment.authorName,
      // Replies are the editors': no address, no consent.
      consent: isOfficialReply ? undefined : { version: DEMO_CONSENT_VERSION },
      email: comment.email ?? null,
      isConfirmed: true,
      isHiddenByReports: false,
      isOfficialReply,
      language: 'de',
      parent: parent ?? null,
      status: comment.status,
      targetCollection: comment.target.collection,
      targetId: String(comment.target.id),
      text: comment.text,
    }
    const { docs } = await payload.find({
      collection: COMMENTS,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          { targetCollection: { equals: wanted.targetCollection } },
          { targetId: { equals: wanted.targetId } },
          { authorName: { equals: wanted.authorName } },
        ],
      },
    })
    const stored = docs[0] as StoredComment | undefined
    if (stored) {
      idsByAuthor.set(comment.authorName, stored.id)
      const isDecided = comment.status === 'pending' && stored.status !== 'pending'
      if (isDecided || isUnchanged(wanted, stored)) {
        tally.unchanged++
        continue
      }
      await payload.update({
        id: stored.id,
        collection: COMMENTS,
        data: wanted as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      tally.updated++
      continue
    }
    const data = {
      ...wanted,
      consent: wanted.consent && { ...wanted.consent, givenAt: now.toISOString() },
    }
    const created = (await payload.create({
      collection: COMMENTS,
      // The waiting one as the plugin stores a visitor's comment once its address is confirmed;
      // the others as a moderator's create, which the plugin's hooks confirm and approve.
      context: comment.status === 'pending' ? { [PLUGIN_WRITE]: true } : undefined,
      data: data as never,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as StoredComment
    idsByAuthor.set(comment.authorName, created.id)
    tally.created++
  }
}
