import type { ArrayFieldValidation } from 'payload'

type Member = {
  from?: null | string
  representedMunicipality?: unknown
  until?: null | string
}

/** A membership counts while it has not ended. */
export const isCurrentMember = (member: Member, now = new Date()): boolean =>
  !member.until || new Date(member.until) >= now

/**
 * Enforces the body's rules on its members: at most `memberCap` current members, and, where
 * the body is made of representatives of member municipalities, each member names one.
 */
export const validateMembers: ArrayFieldValidation = (value, { req, siblingData }) => {
  const members = (Array.isArray(value) ? value : []) as Member[]
  const isEnglish = req?.i18n?.language === 'en'
  const { memberCap, membersRepresentMunicipalities } = siblingData as {
    memberCap?: null | number
    membersRepresentMunicipalities?: boolean
  }
  const current = members.filter((member) => isCurrentMember(member))
  if (typeof memberCap === 'number' && current.length > memberCap) {
    return isEnglish
      ? `This body has at most ${memberCap} members; ${current.length} are current. End a membership (until) or remove one.`
      : `Dieses Gremium hat höchstens ${memberCap} Mitglieder, eingetragen sind ${current.length} aktuelle. Bitte eine Mitgliedschaft beenden (bis) oder entfernen.`
  }
  if (membersRepresentMunicipalities && members.some((member) => !member.representedMunicipality)) {
    return isEnglish
      ? 'Every member of this body represents a member municipality: choose one for each member.'
      : 'Jedes Mitglied dieses Gremiums vertritt eine Mitgliedskommune: bitte bei jedem Mitglied die Kommune wählen.'
  }
  for (const member of members) {
    if (member.from && member.until && new Date(member.until) < new Date(member.from)) {
      return isEnglish
        ? 'A membership ends before it starts.'
        : 'Eine Mitgliedschaft endet vor ihrem Beginn.'
    }
  }
  return true
}
