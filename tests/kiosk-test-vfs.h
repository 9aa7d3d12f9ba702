/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of what was written but not yet made durable survives a power cut. */
typedef enum
{
  KIOSK_TEST_CUT_DROP,  /* every unsynced write is lost */
  KIOSK_TEST_CUT_TORN,  /* each unsynced write reached the disk or not, at random */
} KioskTestCutMode;

/* Calls that fail with an I/O error while set, as a failing disk's pwrite or fsync would. */
typedef enum
{
  KIOSK_TEST_FAIL_NONE   = 0,
  KIOSK_TEST_FAIL_WRITES = 1 << 0,
  KIOSK_TEST_FAIL_SYNCS  = 1 << 1,
} KioskTestFailFlags;

void     kiosk_test_vfs_install     (void);
void     kiosk_test_vfs_set_failing (KioskTestFailFlags flags);
void     kiosk_test_vfs_arm         (guint             cut_after);
guint    kiosk_test_vfs_get_events  (void);
gboolean kiosk_test_vfs_is_cut      (void);
void     kiosk_test_vfs_cut_now     (void);
void     kiosk_test_vfs_power_cut   (KioskTestCutMode  mode,
                                     guint32           seed);

G_END_DECLS
