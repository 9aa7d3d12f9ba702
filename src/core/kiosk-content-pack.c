/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The content pack: a manifest (topic order and icons) and one Markdown file per topic and
 * language. The bundled pack lives in the GResource; an override folder with the same layout
 * replaces it file by file, and anything missing or broken there falls back to the bundled file.
 */

#include "config.h"

#include <string.h>

#include "kiosk-content-pack.h"

#define CONTENT_RESOURCE_PATH RESOURCE_PATH "/content/"
#define MANIFEST_NAME         "manifest.ini"
#define MANIFEST_GROUP        "Content"
#define DEFAULT_ICON          "dialog-information-symbolic"

struct _KioskContentPack
{
  GObject       parent_instance;

  char         *language;
  GPtrArray    *topics;
  KioskAttract *attract;  /* the waiting screen's cards, if the pack has them */
  KioskCheck   *check;    /* "Should I book?", if the pack has it */
};

/* Turns a parsed page into what it describes, or refuses it; NULL keeps the document itself. */
typedef GObject *(*PageBuilder) (KioskDocument  *document,
                                 GKeyFile       *manifest,
                                 const char     *group,
                                 GError        **error);

static void kiosk_content_pack_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskContentPack, kiosk_content_pack, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kiosk_content_pack_list_model_init))

G_DEFINE_QUARK (kiosk-content-error-quark, kiosk_content_error)

/* Ids become file names, so they are kept to a safe alphabet. */
static gboolean
is_safe_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;

  for (const char *p = name; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static GBytes *
read_bundled (const char  *relative_path,
              GError     **error)
{
  g_autofree char *path = g_strconcat (CONTENT_RESOURCE_PATH, relative_path, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* Returns NULL without an error when the override folder simply does not have the file. */
static GBytes *
read_override (const char  *override_dir,
               const char  *relative_path,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (override_dir == NULL)
    return NULL;

  path = g_build_filename (override_dir, relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_debug ("Content override %s not present, using the bundled file", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
validate_manifest (GKeyFile  *keyfile,
                   GError   **error)
{
  g_auto(GStrv) ids = g_key_file_get_string_list (keyfile, MANIFEST_GROUP, "Topics", NULL, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!is_safe_name (ids[i]))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "Topic id “%s” may only use letters, digits, '-' and '_'", ids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static GKeyFile *
parse_manifest (GBytes  *bytes,
                GError **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  if (!g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, error) ||
      !validate_manifest (keyfile, error))
    return NULL;

  return g_steal_pointer (&keyfile);
}

static GKeyFile *
load_manifest (const char *override_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_override (override_dir, MANIFEST_NAME, &error);
  GKeyFile *keyfile = NULL;

  if (bytes != NULL)
    keyfile = parse_manifest (bytes, &error);

  if (error != NULL)
    g_warning ("Ignoring the content manifest in %s: %s", override_dir, error->message);
  if (keyfile != NULL)
    return keyfile;

  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = read_bundled (MANIFEST_NAME, NULL);
  g_assert (bytes != NULL);

  keyfile = parse_manifest (bytes, &error);
  g_assert_no_error (error);

  return keyfile;
}

static KioskDocument *
parse_document (GBytes  *bytes,
                GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return kiosk_document_new_from_markdown (data != NULL ? data : "", length, error);
}

static GObject *
build_page (GBytes       *bytes,
            PageBuilder   builder,
            GKeyFile     *manifest,
            const char   *group,
            GError      **error)
{
  g_autoptr(KioskDocument) document = parse_document (bytes, error);

  if (document == NULL)
    return NULL;
  if (builder == NULL)
    return G_OBJECT (g_steal_pointer (&document));

  return builder (document, manifest, group, error);
}

/* Loads <language>/<id>.md from the override folder, or else the bundled one, and builds it:
 * a broken override file is logged and replaced by the bundled file. */
static GObject *
load_page (const char  *override_dir,
           const char  *language,
           const char  *id,
           PageBuilder  builder,
           GKeyFile    *manifest,
           const char  *group)
{
  g_autofree char *relative = g_strdup_printf ("%s/%s.md", language, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_override (override_dir, relative, &error);
  GObject *page = NULL;

  if (bytes != NULL)
    page = build_page (bytes, builder, manifest, group, &error);

  if (error != NULL)
    g_warning ("Ignoring content file %s/%s: %s, using the bundled one instead",
               override_dir, relative, error->message);
  if (page != NULL)
    return page;

  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if ((bytes = read_bundled (relative, &error)) != NULL)
    page = build_page (bytes, builder, manifest, group, &error);

  if (page == NULL)
    g_warning ("Page “%s” has no usable content in language “%s”, leaving it out: %s",
               id, language, error->message);

  return page;
}

static KioskDocument *
load_document (const char *override_dir,
               const char *language,
               const char *id)
{
  return KIOSK_DOCUMENT (load_page (override_dir, language, id, NULL, NULL, NULL));
}

static GObject *
build_attract (KioskDocument  *document,
               GKeyFile       *manifest,
               const char     *group,
               GError        **error)
{
  guint seconds = g_key_file_get_integer (manifest, group, "Seconds", NULL);

  return G_OBJECT (kiosk_attract_new_from_document (document, seconds > 0 ? seconds : 8, error));
}

static GObject *
build_check (KioskDocument  *document,
             GKeyFile       *manifest,
             const char     *group,
             GError        **error)
{
  g_autofree char *topic = g_key_file_get_string (manifest, group, "Topic", NULL);

  return G_OBJECT (kiosk_check_new_from_document (document, is_safe_name (topic) ? topic : NULL,
                                                  error));
}

/* The optional page a manifest section such as [Attract] names with Page=, or NULL. */
static GObject *
load_section_page (GKeyFile    *manifest,
                   const char  *group,
                   const char  *override_dir,
                   const char  *language,
                   PageBuilder  builder)
{
  g_autofree char *id = g_key_file_get_string (manifest, group, "Page", NULL);

  if (id == NULL)
    return NULL;
  if (!is_safe_name (id))
    {
      g_warning ("Ignoring [%s] Page=“%s”: it may only use letters, digits, '-' and '_'",
                 group, id);
      return NULL;
    }

  return load_page (override_dir, language, id, builder, manifest, group);
}

static KioskTopic *
load_topic (GKeyFile   *manifest,
            const char *override_dir,
            const char *language,
            const char *id)
{
  g_autofree char *group = g_strdup_printf ("Topic %s", id);
  g_autofree char *icon = g_key_file_get_string (manifest, group, "Icon", NULL);
  g_autoptr(KioskDocument) document = load_document (override_dir, language, id);

  if (document == NULL)
    return NULL;

  return kiosk_topic_new (id, is_safe_name (icon) ? icon : DEFAULT_ICON, document);
}

static gboolean
language_exists (const char *language,
                 const char *override_dir)
{
  g_auto(GStrv) languages = kiosk_content_pack_list_languages (override_dir);

  return g_strv_contains ((const char * const *)languages, language);
}

static GType
kiosk_content_pack_get_item_type (GListModel *model)
{
  return KIOSK_TYPE_TOPIC;
}

static guint
kiosk_content_pack_get_n_items (GListModel *model)
{
  return KIOSK_CONTENT_PACK (model)->topics->len;
}

static gpointer
kiosk_content_pack_get_item (GListModel *model,
                             guint       position)
{
  KioskContentPack *self = KIOSK_CONTENT_PACK (model);

  if (position >= self->topics->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->topics, position));
}

static void
kiosk_content_pack_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kiosk_content_pack_get_item_type;
  iface->get_n_items = kiosk_content_pack_get_n_items;
  iface->get_item = kiosk_content_pack_get_item;
}

static void
kiosk_content_pack_finalize (GObject *object)
{
  KioskContentPack *self = (KioskContentPack *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_object (&self->attract);
  g_clear_object (&self->check);

  G_OBJECT_CLASS (kiosk_content_pack_parent_class)->finalize (object);
}

static void
kiosk_content_pack_class_init (KioskContentPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_content_pack_finalize;
}

static void
kiosk_content_pack_init (KioskContentPack *self)
{
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * kiosk_content_pack_new:
 * @language: a language code such as "en"
 * @override_dir: (nullable): a folder with the same layout as the bundled pack
 * @error: return location for a #KIOSK_CONTENT_ERROR
 *
 * Loads the topics for @language. Broken override files are logged and replaced by the bundled
 * ones, so this only fails for a language nobody has content for.
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 */
KioskContentPack *
kiosk_content_pack_new (const char  *language,
                        const char  *override_dir,
                        GError     **error)
{
  g_autoptr(KioskContentPack) self = NULL;
  g_autoptr(GKeyFile) manifest = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_safe_name (language) || !language_exists (language, override_dir))
    {
      g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE,
                   "There is no content in language “%s”", language);
      return NULL;
    }

  self = g_object_new (KIOSK_TYPE_CONTENT_PACK, NULL);
  self->language = g_strdup (language);

  manifest = load_manifest (override_dir);
  ids = g_key_file_get_string_list (manifest, MANIFEST_GROUP, "Topics", NULL, NULL);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      KioskTopic *topic = load_topic (manifest, override_dir, language, ids[i]);

      if (topic != NULL)
        g_ptr_array_add (self->topics, topic);
    }

  if (self->topics->len == 0)
    {
      g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_NO_TOPICS,
                   "No topic could be loaded in language “%s”", language);
      return NULL;
    }

  self->attract = (KioskAttract *)load_section_page (manifest, "Attract", override_dir, language,
                                                     build_attract);
  self->check = (KioskCheck *)load_section_page (manifest, "Check", override_dir, language,
                                                 build_check);

  return g_steal_pointer (&self);
}

const char *
kiosk_content_pack_get_language (KioskContentPack *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (self), NULL);

  return self->language;
}

/**
 * kiosk_content_pack_lookup_topic:
 *
 * Returns: (transfer none) (nullable): the topic with @id
 */
KioskTopic *
kiosk_content_pack_lookup_topic (KioskContentPack *self,
                                 const char       *id)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->topics->len; i++)
    {
      KioskTopic *topic = g_ptr_array_index (self->topics, i);

      if (g_str_equal (kiosk_topic_get_id (topic), id))
        return topic;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static void
add_language (GPtrArray  *languages,
              const char *name)
{
  g_autofree char *code = g_strdup (name);

  /* Resource children that are folders end in '/'. */
  if (g_str_has_suffix (code, "/"))
    code[strlen (code) - 1] = '\0';

  if (is_safe_name (code) &&
      !g_ptr_array_find_with_equal_func (languages, code, g_str_equal, NULL))
    g_ptr_array_add (languages, g_steal_pointer (&code));
}

static void
add_override_languages (GPtrArray  *languages,
                        const char *override_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (override_dir == NULL || (dir = g_dir_open (override_dir, 0, NULL)) == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (override_dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        add_language (languages, name);
    }
}

/**
 * kiosk_content_pack_list_languages:
 * @override_dir: (nullable): an override folder whose language folders count too
 *
 * Returns: (transfer full): the language codes that have content, sorted
 */
char **
kiosk_content_pack_list_languages (const char *override_dir)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) bundled = g_resources_enumerate_children (CONTENT_RESOURCE_PATH,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; bundled != NULL && bundled[i] != NULL; i++)
    {
      if (g_str_has_suffix (bundled[i], "/"))
        add_language (languages, bundled[i]);
    }
  add_override_languages (languages, override_dir);

  g_ptr_array_sort (languages, compare_strings);
  g_ptr_array_add (languages, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&languages), FALSE);
}

/**
 * kiosk_content_pack_get_attract:
 *
 * Returns: (transfer none) (nullable): the waiting screen's cards in this language, or %NULL
 *   when the pack has none
 */
KioskAttract *
kiosk_content_pack_get_attract (KioskContentPack *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (self), NULL);

  return self->attract;
}

/**
 * kiosk_content_pack_get_check:
 *
 * Returns: (transfer none) (nullable): the "Should I book?" check in this language, or %NULL
 *   when the pack has none
 */
KioskCheck *
kiosk_content_pack_get_check (KioskContentPack *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_PACK (self), NULL);

  return self->check;
}
