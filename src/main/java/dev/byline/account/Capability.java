package dev.byline.account;

/** One kind of action a {@link Role} may take. {@link Policy} turns them into decisions about particular things. */
public enum Capability {
    /** Write articles of one's own (a contributor's only go as far as review). */
    WRITE_ARTICLES,
    /** Publish and schedule one's own articles. */
    PUBLISH_OWN_ARTICLES,
    /** Edit, publish and delete anyone's articles. */
    EDIT_OTHERS_ARTICLES,
    UPLOAD_MEDIA,
    MODERATE_COMMENTS,
    /** Sections and tags. */
    MANAGE_TAXONOMY,
    /** Invite people, change roles, disable accounts, reset others' two-factor. */
    MANAGE_PEOPLE,
    /** The site's settings, the demo content. */
    MANAGE_SETTINGS,
    /** Everyone's activity; each person sees their own. */
    VIEW_ACTIVITY,
    /** Export or erase a commenter's personal data (WordPress's export and erase_others_personal_data). */
    HANDLE_PERSONAL_DATA
}
