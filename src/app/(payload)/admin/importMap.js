import { ReadOnlyNotice as ReadOnlyNotice_95422870ead2bc2fbda4e0dee096b442 } from '../../../../src/admin/readOnlyNotice'
import { EmbedSnippet as EmbedSnippet_dd0bcd467284f21d3e906bf199d3ce22 } from '../../../../src/components/EmbedSnippet'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RegistrationsPanel as RegistrationsPanel_a063941ad78833aeaea14babd3fcdb9c } from '@quartiersnetz/plugin-event-registration/rsc'
import { EventsListTabs as EventsListTabs_757dfec4f536131a0c14930ca811d251 } from '../../../../collections/Events/components/EventsListTabs'
import { RecurrenceRuleCell as RecurrenceRuleCell_4d04f72b014e8ea7c0d18b11155f2a5b } from '../../../../collections/EventSeries/components/RecurrenceRuleCell/index.client'
import { RecurrenceRuleField as RecurrenceRuleField_880535805e129ee53e9f8234a5e412c4 } from '../../../../collections/EventSeries/components/RecurrenceRule/index.client'
import { Occurrences as Occurrences_c9f60280c5c3c32e7ad027353e209aeb } from '../../../../collections/EventSeries/components/Occurrences/index.client'
import { SelfHostedJSONField as SelfHostedJSONField_c4ac09ebe4c6519a2fe7406642f57b72 } from '../../../../src/admin/codeEditors/SelfHostedCodeFields'
import { TargetCell as TargetCell_ee9e2415ee202c5bc7d5d9a3b638d68e } from '@quartiersnetz/plugin-comments/rsc'
import { TargetField as TargetField_ee9e2415ee202c5bc7d5d9a3b638d68e } from '@quartiersnetz/plugin-comments/rsc'
import { TargetCell as TargetCell_fe5001122675715c5c818ef37f0cdaa5 } from '@quartiersnetz/plugin-ratings/rsc'
import { TargetField as TargetField_fe5001122675715c5c818ef37f0cdaa5 } from '@quartiersnetz/plugin-ratings/rsc'
import { BipolarScaleField as BipolarScaleField_647d417571ea6922c787625bcb664d4d } from '@quartiersnetz/plugin-ratings/client'
import { RatingsPanel as RatingsPanel_fe5001122675715c5c818ef37f0cdaa5 } from '@quartiersnetz/plugin-ratings/rsc'
import { PrivacyRequestsListIntro as PrivacyRequestsListIntro_a40536278257c5698c100000cebbcd4e } from '../../../../src/admin/privacy/ListIntro'
import { Icon as Icon_e69266a09e6a4f5c4b99a0ef53940000 } from '../../../../src/admin/branding/Icon'
import { Logo as Logo_b06aa0114dadeacef2f92b12c49c3013 } from '../../../../src/admin/branding/Logo'
import { ModerationNavLink as ModerationNavLink_ee9e2415ee202c5bc7d5d9a3b638d68e } from '@quartiersnetz/plugin-comments/rsc'
import { DashboardHeading as DashboardHeading_a76edb1665a390977ee673a50028b8d4 } from '../../../../src/admin/dashboard/Heading'
import { SearchNavLink as SearchNavLink_1c10f880a4a35a173352c872bed1fe96 } from '../../../../src/admin/search/NavLink'
import { OriginNotice as OriginNotice_226cf6f939c0a153f4541713c15e01ea } from '../../../../src/admin/originNotice'
import { PrivacyRequestsView as PrivacyRequestsView_8dd2c2fc4e110a8ac7c741ec00daadc4 } from '../../../../src/admin/privacy'
import { SearchView as SearchView_99eb1cc376c98235b47059803698b210 } from '../../../../src/admin/search'
import { ModerationQueue as ModerationQueue_ee9e2415ee202c5bc7d5d9a3b638d68e } from '@quartiersnetz/plugin-comments/rsc'
import { ModerationCard as ModerationCard_997c50b67bb1b79988b41b64876cdead } from '../../../../src/admin/dashboard/cards/Moderation'
import { RegistrationsCard as RegistrationsCard_088096a76edf69660d5a7d3d1c8318ca } from '../../../../src/admin/dashboard/cards/Registrations'
import { UpcomingEventsCard as UpcomingEventsCard_7b98a1084b1872972feb1d2c9affd34b } from '../../../../src/admin/dashboard/cards/UpcomingEvents'
import { DraftsCard as DraftsCard_4ea02244476233ea9609e844592e4c72 } from '../../../../src/admin/dashboard/cards/Drafts'
import { SeriesDatesCard as SeriesDatesCard_854b1f74a7aab94f22d0e86ba7dc3010 } from '../../../../src/admin/dashboard/cards/SeriesDates'
import { LatestRatingsCard as LatestRatingsCard_dfd7a0bc5d20fd2ec27fa2856d7e66ff } from '../../../../src/admin/dashboard/cards/LatestRatings'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/readOnlyNotice#ReadOnlyNotice": ReadOnlyNotice_95422870ead2bc2fbda4e0dee096b442,
  "/src/components/EmbedSnippet#EmbedSnippet": EmbedSnippet_dd0bcd467284f21d3e906bf199d3ce22,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@quartiersnetz/plugin-event-registration/rsc#RegistrationsPanel": RegistrationsPanel_a063941ad78833aeaea14babd3fcdb9c,
  "/collections/Events/components/EventsListTabs#EventsListTabs": EventsListTabs_757dfec4f536131a0c14930ca811d251,
  "/collections/EventSeries/components/RecurrenceRuleCell/index.client#RecurrenceRuleCell": RecurrenceRuleCell_4d04f72b014e8ea7c0d18b11155f2a5b,
  "/collections/EventSeries/components/RecurrenceRule/index.client#RecurrenceRuleField": RecurrenceRuleField_880535805e129ee53e9f8234a5e412c4,
  "/collections/EventSeries/components/Occurrences/index.client#Occurrences": Occurrences_c9f60280c5c3c32e7ad027353e209aeb,
  "/src/admin/codeEditors/SelfHostedCodeFields#SelfHostedJSONField": SelfHostedJSONField_c4ac09ebe4c6519a2fe7406642f57b72,
  "@quartiersnetz/plugin-comments/rsc#TargetCell": TargetCell_ee9e2415ee202c5bc7d5d9a3b638d68e,
  "@quartiersnetz/plugin-comments/rsc#TargetField": TargetField_ee9e2415ee202c5bc7d5d9a3b638d68e,
  "@quartiersnetz/plugin-ratings/rsc#TargetCell": TargetCell_fe5001122675715c5c818ef37f0cdaa5,
  "@quartiersnetz/plugin-ratings/rsc#TargetField": TargetField_fe5001122675715c5c818ef37f0cdaa5,
  "@quartiersnetz/plugin-ratings/client#BipolarScaleField": BipolarScaleField_647d417571ea6922c787625bcb664d4d,
  "@quartiersnetz/plugin-ratings/rsc#RatingsPanel": RatingsPanel_fe5001122675715c5c818ef37f0cdaa5,
  "/src/admin/privacy/ListIntro#PrivacyRequestsListIntro": PrivacyRequestsListIntro_a40536278257c5698c100000cebbcd4e,
  "/src/admin/branding/Icon#Icon": Icon_e69266a09e6a4f5c4b99a0ef53940000,
  "/src/admin/branding/Logo#Logo": Logo_b06aa0114dadeacef2f92b12c49c3013,
  "@quartiersnetz/plugin-comments/rsc#ModerationNavLink": ModerationNavLink_ee9e2415ee202c5bc7d5d9a3b638d68e,
  "/src/admin/dashboard/Heading#DashboardHeading": DashboardHeading_a76edb1665a390977ee673a50028b8d4,
  "/src/admin/search/NavLink#SearchNavLink": SearchNavLink_1c10f880a4a35a173352c872bed1fe96,
  "/src/admin/originNotice#OriginNotice": OriginNotice_226cf6f939c0a153f4541713c15e01ea,
  "/src/admin/privacy#PrivacyRequestsView": PrivacyRequestsView_8dd2c2fc4e110a8ac7c741ec00daadc4,
  "/src/admin/search#SearchView": SearchView_99eb1cc376c98235b47059803698b210,
  "@quartiersnetz/plugin-comments/rsc#ModerationQueue": ModerationQueue_ee9e2415ee202c5bc7d5d9a3b638d68e,
  "/src/admin/dashboard/cards/Moderation#ModerationCard": ModerationCard_997c50b67bb1b79988b41b64876cdead,
  "/src/admin/dashboard/cards/Registrations#RegistrationsCard": RegistrationsCard_088096a76edf69660d5a7d3d1c8318ca,
  "/src/admin/dashboard/cards/UpcomingEvents#UpcomingEventsCard": UpcomingEventsCard_7b98a1084b1872972feb1d2c9affd34b,
  "/src/admin/dashboard/cards/Drafts#DraftsCard": DraftsCard_4ea02244476233ea9609e844592e4c72,
  "/src/admin/dashboard/cards/SeriesDates#SeriesDatesCard": SeriesDatesCard_854b1f74a7aab94f22d0e86ba7dc3010,
  "/src/admin/dashboard/cards/LatestRatings#LatestRatingsCard": LatestRatingsCard_dfd7a0bc5d20fd2ec27fa2856d7e66ff,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
