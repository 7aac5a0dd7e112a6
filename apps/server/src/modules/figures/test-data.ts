import type { Db } from '../../db/pool.js';
import { type Tree, buildCommunityTree, buildOrderRow, buildOrg, buildService } from '../../testing/index.js';

const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * 60_000);

/** One order's life in minutes after it was placed; absent stages never happened. */
type Life = { dispatch?: number; accept?: number; handle?: number; close?: number };
const life = (placed: string, l: Life) => ({
  placedAt: at(placed),
  dispatchedAt: l.dispatch === undefined ? null : at(placed, l.dispatch),
  acceptedAt: l.accept === undefined ? null : at(placed, l.accept),
  handledAt: l.handle === undefined ? null : at(placed, l.handle),
  closedAt: l.close === undefined ? null : at(placed, l.close),
});

/**
 * Two communities of one street, two services, one handler. Community one holds orders 1–6 and 8 of the period
 * 2025-01-01…2025-03-31 (plus two just outside it); community two holds order 9. Expected figures are in the tests.
 */
export async function buildFigureOrders(db: Db) {
  const one = await buildCommunityTree(db);
  const two: Tree = await buildCommunityTree(db, one.street);
  const water = await buildService(db, one.street, { name: '=HYPERLINK("x")', category: 'property' });
  const meals = await buildService(db, one.street, { name: '助餐', category: 'home_service' });
  const handler = await buildOrg(db, one.street);
  const h = { handlerOrgId: handler.id };
  const b = one.building;
  await buildOrderRow(db, water, b, {
    ...life('2025-01-10T10:00:00+08:00', { dispatch: 30, accept: 90, handle: 210, close: 1440 }),
    ...h,
    status: 'closed',
    outcome: 'resolved',
    acceptedOnTime: true,
    handledOnTime: true,
    closedOnTime: true,
    rating: 'satisfied',
  });
  await buildOrderRow(db, water, b, {
    ...life('2025-01-20T09:00:00+08:00', { dispatch: 60, accept: 180, handle: 420, close: 2880 }),
    ...h,
    status: 'closed',
    outcome: 'unresolved',
    acceptedOnTime: false,
    closedOnTime: false,
    reworkCount: 1,
    extensionCount: 1,
    rating: 'unsatisfied',
  });
  await buildOrderRow(db, water, b, {
    ...life('2025-03-05T08:00:00+08:00', { dispatch: 90, accept: 120 }),
    ...h,
    status: 'in_progress',
    acceptedOnTime: true,
  });
  await buildOrderRow(db, water, b, { ...life('2025-03-06T08:00:00+08:00', {}), status: 'placed' });
  await buildOrderRow(db, water, b, {
    ...life('2025-03-07T08:00:00+08:00', { close: 60 }),
    status: 'closed',
    outcome: 'withdrawn',
    closedOnTime: true,
  });
  await buildOrderRow(db, water, b, { ...life('2025-03-08T08:00:00+08:00', {}), status: 'merged' });
  await buildOrderRow(db, meals, b, {
    ...life('2025-02-15T08:00:00+08:00', { dispatch: 30, accept: 90, handle: 150 }),
    ...h,
    status: 'confirmed',
    acceptedOnTime: true,
    rating: 'basic',
  });
  // just outside the period, on both sides (China time)
  await buildOrderRow(db, water, b, { ...life('2024-12-31T23:59:00+08:00', {}), status: 'placed' });
  await buildOrderRow(db, water, b, { ...life('2025-04-01T00:00:00+08:00', {}), status: 'placed' });
  await buildOrderRow(db, water, two.building, {
    ...life('2025-02-01T08:00:00+08:00', { dispatch: 10, accept: 20, handle: 30, close: 40 }),
    ...h,
    status: 'closed',
    outcome: 'resolved',
    acceptedOnTime: true,
    closedOnTime: true,
    rating: 'satisfied',
  });
  return { one, two, water, meals, handler };
}

export const PERIOD = { from: '2025-01-01', to: '2025-03-31' };
