import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';

// ORG-1: one department per database, split into groups of about four agents.
export const departments = sqliteTable('departments', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull(),
  // Identifies the department in files handed between installations (ROS-8 hand-over).
  uid: text(),
  createdAt: text('created_at').notNull(),
});

export const groups = sqliteTable(
  'groups',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    name: text().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    // Groups are archived, never deleted: past rosters and appraisals still name them.
    archivedOn: text('archived_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('groups_department_name').on(t.departmentId, t.name)],
);

// ORG-3: a person. Dates are YYYY-MM-DD text, money is integer fen.
export const people = sqliteTable(
  'people',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    employeeNo: text('employee_no').notNull(),
    name: text().notNull(),
    groupId: integer('group_id').references(() => groups.id),
    role: text({ enum: ['manager', 'supervisor', 'leader', 'agent'] }).notNull(),
    function: text({ enum: ['service', 'tech', 'operations', 'data'] }).notNull(),
    hireDate: text('hire_date').notNull(),
    firstEmploymentDate: text('first_employment_date').notNull(),
    status: text({ enum: ['active', 'left'] })
      .notNull()
      .default('active'),
    leftOn: text('left_on'),
    dailyWageFen: integer('daily_wage_fen'),
    phone: text(),
    note: text(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('people_employee_no').on(t.employeeNo),
    index('people_group').on(t.groupId),
    index('people_status').on(t.status),
    check('people_role', sql`${t.role} in ('manager', 'supervisor', 'leader', 'agent')`),
    check('people_function', sql`${t.function} in ('service', 'tech', 'operations', 'data')`),
    check('people_left', sql`(${t.status} = 'left') = (${t.leftOn} is not null)`),
    check('people_wage', sql`${t.dailyWageFen} is null or ${t.dailyWageFen} >= 0`),
  ],
);

// Moves between groups, the only group history there is: a person's group on a date is the
// from-group of their first move after that date, or their current group when there is none.
export const groupMoves = sqliteTable(
  'group_moves',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    fromGroupId: integer('from_group_id').references(() => groups.id),
    toGroupId: integer('to_group_id')
      .notNull()
      .references(() => groups.id),
    // The first day in the new group.
    onDate: text('on_date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('group_moves_person').on(t.personId, t.onDate)],
);
