/**
 * The visitor widgets: one script defines every element. Member-city websites load it as
 * <script type="module" src="https://<server>/widgets/v1/quartiersnetz.js"></script>.
 */
import './qn-comments'
import './qn-events'
import './qn-module'
import './qn-module-finder'
import './qn-projects'
import './qn-rating'
import './qn-registration'
import './qn-search'
