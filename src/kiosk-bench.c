/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The program's side of `./kiosk.sh bench` (tests/bench/run-bench.py). The kiosk and the bare
 * libadwaita reference (tests/bench/bench-reference.c) both link it, so both detect their
 * first painted frame the same way. Without KIOSK_BENCH_REPORT in the environment it does
 * nothing at all: no signal handler, no frame clock connection.
 *
 * KIOSK_BENCH_REPORT=1    on the window's first painted frame (GdkFrameClock::after-paint),
 *                         prints "kiosk-bench first-frame real_us=N width=W height=H", with
 *                         g_get_real_time(), the clock the driver takes the exec time from.
 * KIOSK_BENCH_TOUR=STEPS  space-separated steps: a detailed action name activated on the window
 *                         (kiosk.show-topic('causes'), kiosk.home) or `fill`, which types into
 *                         every text field. SIGUSR1 runs them once, each waiting for the painted
 *                         frame after which no stack transition is running, then prints
 *                         "kiosk-bench tour cpu_us=N wall_us=N frames=N steps=N step_max_us=N
 *                         step_mean_us=N": CPU from getrusage(), and the slowest and mean time
 *                         a step takes to show: its own work, then the frame after it from its
 *                         start to its end (not the wait for that frame's 60 Hz slot, which
 *                         straight after the previous frame a tap would not have).
 * KIOSK_BENCH_SOAK=N      with the steps above: SIGUSR1 runs them 20 times as a warm-up and then
 *                         N times, each step waiting for one painted frame only, and prints the
 *                         resident memory and the number of widgets before and after the N.
 * The driver reads the process's memory itself and then ends it with SIGTERM.
 */

#include "config.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "kiosk-bench.h"

#define SOAK_WARM_UP_TOURS 20

typedef enum {
  PHASE_IDLE,
  PHASE_TOUR,
  PHASE_WARM_UP,
  PHASE_SOAK,
} Phase;

typedef struct
{
  GtkWindow     *window;         /* not owned: the bench is freed with the window */
  GdkFrameClock *frame_clock;
  gulong         after_paint_id;
  gulong         before_paint_id;
  guint          signal_id;
  guint          idle_id;
  gboolean       first_frame_seen;

  char         **steps;
  guint          n_steps;
  guint          soak_tours;
  Phase          phase;
  guint          step;           /* the next step of the current tour */
  guint          tours_left;
  gboolean       waiting;        /* a step ran; its painted frame is awaited */
  guint          frames;
  guint          actions;
  guint          fills;
  gint64         step_work_us;     /* how long the step being waited for took */
  gint64         frame_started_us; /* when the first frame after it began, or 0 */
  gboolean       step_painted;     /* whether that frame was painted */
  gint64         step_max_us;
  gint64         step_total_us;
  gint64         start_real_us;
  gint64         start_cpu_us;
  gint64         soak_rss_kb;
  guint          soak_widgets;
} KioskBench;

static void kiosk_bench_run_next_step (KioskBench *bench);

static void
bench_print (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
bench_print (const char *format,
             ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* Standard output, flushed at once: the driver reads it line by line while we run. */
  fprintf (stdout, "kiosk-bench %s\n", line);
  fflush (stdout);
}

static gint64
process_cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gint64
process_rss_kb (void)
{
  g_autofree char *statm = NULL;
  g_auto (GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;

  fields = g_strsplit (statm, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;

  return g_ascii_strtoll (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE) / 1024;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static gboolean
widget_runs_transition (GtkWidget *widget)
{
  GParamSpec *pspec;
  gboolean running = FALSE;

  if (GTK_IS_STACK (widget))
    return gtk_stack_get_transition_running (GTK_STACK (widget));

  /* AdwLeaflet and its relatives, without making the reference depend on libadwaita here. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "child-transition-running");
  if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
    g_object_get (widget, "child-transition-running", &running, NULL);

  return running;
}

/* Only mapped widgets can animate, so the walk stays on the page on screen. */
static gboolean
any_transition_running (GtkWidget *widget)
{
  if (widget_runs_transition (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_mapped (child) && any_transition_running (child))
        return TRUE;
    }

  return FALSE;
}

static const char *
sample_text_for (GtkText *text)
{
  switch (gtk_text_get_input_purpose (text))
    {
    case GTK_INPUT_PURPOSE_PHONE:
    case GTK_INPUT_PURPOSE_DIGITS:
    case GTK_INPUT_PURPOSE_NUMBER:
      return "8888 1234";
    default:
      return "Ana María Pérez";
    }
}

/* A made-up visitor, typed into every editable text of the window, shown or not. */
static void
fill_text_fields (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    gtk_editable_set_text (GTK_EDITABLE (widget), sample_text_for (GTK_TEXT (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fill_text_fields (child);
}

static gboolean
run_step (KioskBench *bench,
          const char *step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;

  if (g_str_equal (step, "fill"))
    {
      fill_text_fields (GTK_WIDGET (bench->window));
      gtk_widget_queue_draw (GTK_WIDGET (bench->window));
      bench->fills++;
      return TRUE;
    }

  if (!g_action_parse_detailed_name (step, &action, &target, &error))
    {
      bench_print ("error step=%s: %s", step, error->message);
      return FALSE;
    }

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (bench->window), action, target))
    {
      bench_print ("error step=%s: no such action on the window", step);
      return FALSE;
    }

  bench->actions++;
  return TRUE;
}

static void
kiosk_bench_start_phase (KioskBench *bench,
                         Phase       phase,
                         guint       tours)
{
  bench->phase = phase;
  bench->tours_left = tours;
  bench->step = 0;
  bench->frames = 0;
  bench->actions = 0;
  bench->fills = 0;
  bench->step_max_us = 0;
  bench->step_total_us = 0;
  bench->start_real_us = g_get_real_time ();
  bench->start_cpu_us = process_cpu_us ();
}

static void
kiosk_bench_print_tour (KioskBench *bench)
{
  guint steps = bench->actions + bench->fills;

  bench_print ("tour cpu_us=%" G_GINT64_FORMAT " wall_us=%" G_GINT64_FORMAT " frames=%u steps=%u"
               " step_max_us=%" G_GINT64_FORMAT " step_mean_us=%" G_GINT64_FORMAT,
               process_cpu_us () - bench->start_cpu_us,
               g_get_real_time () - bench->start_real_us,
               bench->frames, steps, bench->step_max_us,
               steps > 0 ? bench->step_total_us / steps : 0);
}

static void
kiosk_bench_print_soak (KioskBench *bench)
{
  gint64 rss_kb = process_rss_kb ();
  guint widgets = count_widgets (GTK_WIDGET (bench->window));

  bench_print ("soak navigations=%u fills=%u rss_before_kb=%" G_GINT64_FORMAT
               " rss_after_kb=%" G_GINT64_FORMAT " rss_growth_kb=%" G_GINT64_FORMAT
               " widgets_before=%u widgets_after=%u cpu_us=%" G_GINT64_FORMAT,
               bench->actions, bench->fills, bench->soak_rss_kb, rss_kb,
               rss_kb - bench->soak_rss_kb, bench->soak_widgets, widgets,
               process_cpu_us () - bench->start_cpu_us);
}

static void
kiosk_bench_finish_phase (KioskBench *bench)
{
  switch (bench->phase)
    {
    case PHASE_TOUR:
      kiosk_bench_print_tour (bench);
      bench->phase = PHASE_IDLE;
      break;
    case PHASE_WARM_UP:
      kiosk_bench_start_phase (bench, PHASE_SOAK, bench->soak_tours);
      bench->soak_rss_kb = process_rss_kb ();
      bench->soak_widgets = count_widgets (GTK_WIDGET (bench->window));
      kiosk_bench_run_next_step (bench);
      break;
    case PHASE_SOAK:
      kiosk_bench_print_soak (bench);
      bench->phase = PHASE_IDLE;
      break;
    case PHASE_IDLE:
    default:
      g_assert_not_reached ();
    }
}

static void
kiosk_bench_run_next_step (KioskBench *bench)
{
  if (bench->step == bench->n_steps)
    {
      bench->step = 0;
      if (--bench->tours_left == 0)
        {
          kiosk_bench_finish_phase (bench);
          return;
        }
    }

  bench->step_work_us = g_get_monotonic_time ();
  if (!run_step (bench, bench->steps[bench->step++]))
    {
      bench->phase = PHASE_IDLE;
      return;
    }

  bench->step_work_us = g_get_monotonic_time () - bench->step_work_us;
  bench->frame_started_us = 0;
  bench->step_painted = FALSE;
  bench->waiting = TRUE;
}

/* How soon a tap shows: the step's own work, then its frame from start to end. */
static void
kiosk_bench_note_step_frame (KioskBench *bench)
{
  gint64 latency = bench->step_work_us + g_get_monotonic_time () - bench->frame_started_us;

  bench->step_painted = TRUE;
  bench->step_max_us = MAX (bench->step_max_us, latency);
  bench->step_total_us += latency;
}

static gboolean
next_step_cb (gpointer user_data)
{
  KioskBench *bench = user_data;

  bench->idle_id = 0;
  kiosk_bench_run_next_step (bench);

  return G_SOURCE_REMOVE;
}

/* The tour waits for the page to be on screen for good (transitions ended); the soak, which
 * measures memory, only for the frame that shows it begun. */
static gboolean
kiosk_bench_step_done (KioskBench *bench)
{
  if (bench->phase == PHASE_TOUR)
    return !any_transition_running (GTK_WIDGET (bench->window));

  return TRUE;
}

static void
before_paint_cb (GdkFrameClock *frame_clock,
                 KioskBench    *bench)
{
  if (bench->waiting && bench->frame_started_us == 0)
    bench->frame_started_us = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                KioskBench    *bench)
{
  if (!bench->first_frame_seen)
    {
      bench->first_frame_seen = TRUE;
      bench_print ("first-frame real_us=%" G_GINT64_FORMAT " width=%d height=%d",
                   g_get_real_time (),
                   gtk_widget_get_width (GTK_WIDGET (bench->window)),
                   gtk_widget_get_height (GTK_WIDGET (bench->window)));
    }

  if (bench->phase == PHASE_IDLE)
    return;

  bench->frames++;
  if (bench->waiting && !bench->step_painted && bench->frame_started_us != 0)
    kiosk_bench_note_step_frame (bench);
  if (bench->waiting && kiosk_bench_step_done (bench))
    {
      /* The next step runs outside the frame cycle, as a tap would. */
      bench->waiting = FALSE;
      bench->idle_id = g_idle_add (next_step_cb, bench);
    }
}

static gboolean
start_cb (gpointer user_data)
{
  KioskBench *bench = user_data;

  if (bench->phase != PHASE_IDLE || !bench->first_frame_seen || bench->n_steps == 0)
    {
      bench_print ("error tour requested before the first frame, twice, or without steps");
      return G_SOURCE_CONTINUE;
    }

  if (bench->soak_tours > 0)
    kiosk_bench_start_phase (bench, PHASE_WARM_UP, SOAK_WARM_UP_TOURS);
  else
    kiosk_bench_start_phase (bench, PHASE_TOUR, 1);

  kiosk_bench_run_next_step (bench);

  return G_SOURCE_CONTINUE;
}

static void
window_realize_cb (GtkWidget  *window,
                   KioskBench *bench)
{
  if (bench->frame_clock != NULL)
    return;

  bench->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  bench->before_paint_id = g_signal_connect (bench->frame_clock, "before-paint",
                                             G_CALLBACK (before_paint_cb), bench);
  bench->after_paint_id = g_signal_connect (bench->frame_clock, "after-paint",
                                            G_CALLBACK (after_paint_cb), bench);
}

/* The frame clock goes with the window's surface; a later realize connects to the new one. */
static void
window_unrealize_cb (GtkWidget  *window,
                     KioskBench *bench)
{
  g_clear_signal_handler (&bench->before_paint_id, bench->frame_clock);
  g_clear_signal_handler (&bench->after_paint_id, bench->frame_clock);
  g_clear_object (&bench->frame_clock);
}

static void
kiosk_bench_free (KioskBench *bench)
{
  window_unrealize_cb (NULL, bench);
  g_clear_handle_id (&bench->signal_id, g_source_remove);
  g_clear_handle_id (&bench->idle_id, g_source_remove);
  g_clear_pointer (&bench->steps, g_strfreev);
  g_free (bench);
}

static void
kiosk_bench_read_steps (KioskBench *bench)
{
  const char *steps = g_getenv ("KIOSK_BENCH_TOUR");
  const char *soak = g_getenv ("KIOSK_BENCH_SOAK");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto (GStrv) words = NULL;

  if (steps == NULL)
    return;

  builder = g_strv_builder_new ();
  words = g_strsplit_set (steps, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    }
  bench->steps = g_strv_builder_end (builder);
  bench->n_steps = g_strv_length (bench->steps);
  if (soak != NULL)
    bench->soak_tours = (guint)g_ascii_strtoull (soak, NULL, 10);

  bench->signal_id = g_unix_signal_add (SIGUSR1, start_cb, bench);
}

/**
 * kiosk_bench_attach:
 * @window: the toplevel whose frames are measured, not yet presented
 *
 * Reports the window's first painted frame and runs the bench's tour, as the environment
 * variables described at the top of this file ask; does nothing when KIOSK_BENCH_REPORT is
 * unset, and nothing more on a second call.
 */
void
kiosk_bench_attach (GtkWindow *window)
{
  KioskBench *bench;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("KIOSK_BENCH_REPORT") == NULL
      || g_object_get_data (G_OBJECT (window), "kiosk-bench") != NULL)
    return;

  bench = g_new0 (KioskBench, 1);
  bench->window = window;
  kiosk_bench_read_steps (bench);
  g_object_set_data_full (G_OBJECT (window), "kiosk-bench", bench,
                          (GDestroyNotify)kiosk_bench_free);

  g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), bench);
  g_signal_connect (window, "unrealize", G_CALLBACK (window_unrealize_cb), bench);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), bench);
}
